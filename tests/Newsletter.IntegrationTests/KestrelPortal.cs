using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Newsletter.IntegrationTests;

/// <summary>
/// The portal on real Kestrel (127.0.0.1, a free port), for what the in-memory test server does not show: the request-line
/// limit, the exact status line, whether a HEAD answer carries a body. <see cref="ExchangeAsync"/> speaks HTTP/1.1 over a
/// raw socket and returns the bytes as they came.
/// </summary>
public sealed class KestrelPortal : IDisposable
{
    public KestrelPortal()
    {
        Portal = new PortalFactory();
        Portal.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        Portal.StartServer();
        var address = Portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
    }

    public PortalFactory Portal { get; }

    public int Port { get; }

    public void Dispose() => Portal.Dispose();

    /// <summary>
    /// Sends one request (<c>Connection: close</c>) and reads until the server closes. The body is sent while the answer is
    /// read: a server may answer before it has read all of it.
    /// </summary>
    /// <param name="chunked">Send the body with <c>Transfer-Encoding: chunked</c>, announcing no length.</param>
    public async Task<RawResponse> ExchangeAsync(string method, string target, string? contentType = null, byte[]? body = null,
        IReadOnlyDictionary<string, string>? headers = null, bool chunked = false)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
        var stream = tcp.GetStream();
        var head = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{Port}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            head.Append($"{name}: {value}\r\n");
        }

        if (body is not null)
        {
            head.Append($"Content-Type: {contentType}\r\n").Append(chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {body.Length}\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), timeout.Token);
        var sending = body is null ? Task.CompletedTask : SendAsync(stream, chunked ? Chunk(body) : body, timeout.Token);
        using var received = new MemoryStream();
        try
        {
            await stream.CopyToAsync(received, timeout.Token);
        }
        catch (IOException) when (received.Length > 0)
        {
            // The server closed (reset) after its answer while the body was still being sent.
        }

        await sending;
        return RawResponse.Parse(received.ToArray());
    }

    private static byte[] Chunk(byte[] body)
    {
        using var chunked = new MemoryStream();
        foreach (var piece in body.Chunk(64 * 1024))
        {
            chunked.Write(Encoding.ASCII.GetBytes($"{piece.Length:x}\r\n"));
            chunked.Write(piece);
            chunked.Write("\r\n"u8);
        }

        chunked.Write("0\r\n\r\n"u8);
        return chunked.ToArray();
    }

    private static async Task SendAsync(NetworkStream stream, byte[] body, CancellationToken cancellation)
    {
        try
        {
            await stream.WriteAsync(body, cancellation);
        }
        catch (IOException)
        {
            // The server answered and closed before reading everything.
        }
    }
}

/// <summary>An HTTP/1.1 answer as it came off the socket: the status line exactly, the headers, the (de-chunked) body
/// and how many bytes came after the head (none for HEAD).</summary>
public sealed record RawResponse(string StatusLine, IReadOnlyDictionary<string, string> Headers, byte[] Body, int BytesAfterHead)
{
    public int Status => int.Parse(StatusLine.Split(' ')[1]);

    public string Text => Encoding.UTF8.GetString(Body);

    public static RawResponse Parse(byte[] bytes)
    {
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.True(end > 0, $"No complete response head in {bytes.Length} bytes: {Encoding.UTF8.GetString(bytes)}");
        var lines = Encoding.ASCII.GetString(bytes, 0, end).Split("\r\n");
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(p => p[1].Trim())), StringComparer.OrdinalIgnoreCase);
        var body = bytes[(end + 4)..];
        var after = body.Length;
        if (body.Length > 0 && headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Dechunk(body);
        }

        return new RawResponse(lines[0], headers, body, after);
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        using var body = new MemoryStream();
        var position = 0;
        while (true)
        {
            var lineEnd = chunked.AsSpan(position).IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(chunked, position, lineEnd).Split(';')[0], 16);
            position += lineEnd + 2;
            if (size == 0)
            {
                return body.ToArray();
            }

            body.Write(chunked, position, size);
            position += size + 2;
        }
    }
}
