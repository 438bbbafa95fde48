using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Newsletter.IntegrationTests;

/// <summary>
/// A real SMTP server in the test process, on 127.0.0.1 and a free port. It keeps every message it
/// accepts and can refuse chosen recipients, permanently (550) or for their first few attempts (451).
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    public TestSmtpServer()
    {
        Port = Ports.Free();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("127.0.0.1")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    public int Port { get; }

    /// <summary>The issues' mail (dispatches), as received.</summary>
    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    /// <summary>The portal's notices to its own users (<c>Auto-Submitted: auto-generated</c>), kept apart from the issues' mail.</summary>
    public ConcurrentQueue<MimeMessage> Notifications { get; } = new();

    /// <summary>Addresses answered with 550 at RCPT TO.</summary>
    public HashSet<string> Refused { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How often each address of <see cref="Refused"/> was offered at RCPT TO (and refused).</summary>
    public ConcurrentDictionary<string, int> RefusedAttempts { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Addresses answered with 451 for this many attempts, then accepted.</summary>
    public ConcurrentDictionary<string, int> RefusedTransiently { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Time taken to accept each message (to interrupt a dispatch mid-way).</summary>
    public TimeSpan Delay { get; set; }

    private int inFlight;

    /// <summary>
    /// Waits (up to 10 s) until no message is between its DATA and being stored: a message whose sender stopped waiting
    /// for the reply may still be stored <see cref="Delay"/> later, as a real server would deliver it.
    /// </summary>
    public async Task SettledAsync()
    {
        for (var i = 0; i < 100 && Volatile.Read(ref inFlight) > 0; i++)
        {
            await Task.Delay(100);
        }
    }

    public IReadOnlyDictionary<string, int> CountByRecipient() =>
        Messages.SelectMany(m => m.To.Mailboxes.Select(a => a.Address.ToLowerInvariant()))
            .GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count());

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpServer.Protocol.SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref server.inFlight);
            try
            {
                if (server.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(server.Delay, cancellationToken);
                }

                await using var stream = new MemoryStream(buffer.ToArray());
                var message = await MimeMessage.LoadAsync(stream, cancellationToken);
                (message.Headers["Auto-Submitted"] == "auto-generated" ? server.Notifications : server.Messages).Enqueue(message);
                return SmtpServer.Protocol.SmtpResponse.Ok;
            }
            finally
            {
                Interlocked.Decrement(ref server.inFlight);
            }
        }
    }

    private sealed class Filter(TestSmtpServer server) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            var address = to.AsAddress();
            if (server.Refused.Contains(address))
            {
                server.RefusedAttempts.AddOrUpdate(address, 1, (_, n) => n + 1);
                throw new SmtpResponseException(new SmtpServer.Protocol.SmtpResponse(SmtpReplyCode.MailboxUnavailable, "5.1.1 用户不存在 mailbox unavailable"));
            }

            if (server.RefusedTransiently.TryGetValue(address, out var left) && left > 0)
            {
                server.RefusedTransiently[address] = left - 1;
                throw new SmtpResponseException(new SmtpServer.Protocol.SmtpResponse((SmtpReplyCode)451, "4.2.1 try again later"));
            }

            return Task.FromResult(true);
        }
    }
}
