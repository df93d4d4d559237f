global using ShipGate.Fixtures.Evidence;
global using ShipGate.Fixtures.Verdicts;
global using Xunit;
global using Xunit.Abstractions;
