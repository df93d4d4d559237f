namespace AiMemory.Reference.Faults;

/// <summary>
/// leak_8mib_per_create: every HTTP create keeps an 8 MiB buffer for the life of the process, as a daemon that
/// pins each request's buffer would. Every page is written, so the leak is resident memory, not a reservation.
/// </summary>
public static class LeakedBuffers
{
    public const int BytesPerCreate = 8 * 1024 * 1024;
    private static readonly System.Collections.Concurrent.ConcurrentBag<byte[]> Held = [];

    public static void Leak()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(BytesPerCreate);
        for (var i = 0; i < buffer.Length; i += 4096) buffer[i] = 1;
        Held.Add(buffer);
    }
}
