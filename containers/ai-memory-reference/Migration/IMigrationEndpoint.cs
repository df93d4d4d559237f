using AiMemory.Reference.Model;

namespace AiMemory.Reference.Migration;

/// <summary>One side of `migrate`: a store that can list its live rows and upsert full rows on (title, namespace).</summary>
public interface IMigrationEndpoint : IDisposable
{
    /// <summary>Non-expired rows, priority desc then updated_at desc; each backend applies its own list cap.</summary>
    IReadOnlyList<Memory> ListAll(string? ns);

    /// <summary>Writes the row keeping its id and timestamps when new; on a (title, namespace) clash applies the backend's
    /// upsert rules and returns the existing id.</summary>
    string Upsert(Memory memory);
}
