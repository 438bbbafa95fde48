using System.Net;
using System.Net.Sockets;

namespace Newsletter.IntegrationTests;

/// <summary>
/// An "internal service" on 127.0.0.1 that nothing should reach: it counts the connections it receives and closes each
/// at once (so a client that does connect fails quickly instead of waiting for an answer).
/// </summary>
public sealed class ConnectionTrap : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private int connections;

    public ConnectionTrap()
    {
        listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Connections received so far, including one still waiting to be accepted.</summary>
    public int Connections => Volatile.Read(ref connections) + (listener.Pending() ? 1 : 0);

    public void Dispose() => listener.Stop();

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync();
                Interlocked.Increment(ref connections);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // stopped
        }
    }
}
