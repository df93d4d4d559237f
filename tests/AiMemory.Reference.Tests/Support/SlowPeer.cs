using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AiMemory.Reference.Tests.Support;

/// <summary>
/// A stand-in peer that holds every request for a while before answering 200, and records whether the caller was
/// still waiting at that point (Completed) or had already hung up (Abandoned). Shows whether a leader cancels
/// stragglers once quorum is met.
/// </summary>
public sealed class SlowPeer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeSpan _hold;
    private readonly Task _accepting;
    private int _completed;
    private int _abandoned;

    public SlowPeer(TimeSpan hold)
    {
        _hold = hold;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
    public int Completed => Volatile.Read(ref _completed);
    public int Abandoned => Volatile.Read(ref _abandoned);

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                _ = HandleAsync(socket);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task HandleAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                await Task.Delay(_hold, _stop.Token);
                await DrainRequestAsync(socket);
                // A caller that gave up has closed its side: a readable socket that yields 0 bytes.
                var hungUp = socket.Poll(200_000, SelectMode.SelectRead) && socket.Available == 0;
                if (hungUp)
                {
                    Interlocked.Increment(ref _abandoned);
                    return;
                }
                await socket.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: "
                    + "close\r\n\r\n{}"));
                Interlocked.Increment(ref _completed);
            }
            catch (SocketException) when (!_stop.IsCancellationRequested)
            {
                // The caller reset the connection mid-request (a push cancelled before its body was read): abandoned too.
                Interlocked.Increment(ref _abandoned);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }
    }

    // Reads headers and the Content-Length body that are already buffered, so only a hang-up stays readable.
    private static async Task DrainRequestAsync(Socket socket)
    {
        var buffer = new byte[64 * 1024];
        var received = new StringBuilder();
        int headerEnd;
        while ((headerEnd = received.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
        {
            var n = await socket.ReceiveAsync(buffer);
            if (n == 0) return;
            received.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
        var headers = received.ToString()[..headerEnd];
        var lengthLine = headers.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var length = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim());
        var have = Encoding.ASCII.GetByteCount(received.ToString()) - headerEnd - 4;
        while (have < length)
        {
            var n = await socket.ReceiveAsync(buffer);
            if (n == 0) return;
            have += n;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
