using Xunit;

namespace AiMemory.Reference.Tests.Support;

/// <summary>One honest, non-federated node shared by a test class; tests keep apart by namespace.</summary>
public sealed class SingleNodeFixture : IAsyncLifetime
{
    private NodeProcess? _node;

    public NodeProcess Node => _node ?? throw new InvalidOperationException("fixture not initialised");
    public HttpClient Client => Node.Client;

    public async Task InitializeAsync() => _node = await NodeProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_node is not null) await _node.DisposeAsync();
    }

    /// <summary>A namespace no other test uses.</summary>
    public static string Namespace(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)];
}
