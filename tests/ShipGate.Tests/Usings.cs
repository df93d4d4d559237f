global using ShipGate.Fixtures.Evidence;
global using ShipGate.Fixtures.Verdicts;
global using ShipGate.Tests.Support;
global using Xunit;
global using Xunit.Abstractions;
