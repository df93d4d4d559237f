using Xunit.Sdk;

namespace ShipGate.Tests.Support;

/// <summary>Fixture progress as live diagnostic lines (xUnit.DiagnosticMessages=true streams them).</summary>
public static class GateLog
{
    public static Action<string> To(IMessageSink sink) =>
        line => sink.OnMessage(new DiagnosticMessage($"[shipgate] {line}"));
}
