using System.Net;
using System.Net.Sockets;

namespace Newsletter.IntegrationTests;

/// <summary>Ports for the servers the tests start (portals, SMTP, IMAP): free on 127.0.0.1 when asked.</summary>
public static class Ports
{
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
