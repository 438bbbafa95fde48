using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Admin.Dispatches;

/// <summary>
/// A failed send: transient ones (a 4xx reply, no connection) are retried, permanent ones (5xx) are not.
/// A connection lost in the middle of a send may or may not have delivered the message.
/// </summary>
public sealed class MailDeliveryException(string reply, bool transient, Exception? inner = null, bool maybeDelivered = false, bool recipientRefused = false)
    : Exception(reply, inner)
{
    /// <summary>The server refused the recipient's address itself (5xx at RCPT TO): a hard bounce for that address.</summary>
    public bool RecipientRefused { get; } = recipientRefused && !transient;

    public bool Transient { get; } = transient;

    /// <summary>The connection broke after the message may have been accepted: never resend this silently.</summary>
    public bool MaybeDelivered { get; } = maybeDelivered;
}

/// <summary>An open connection for sending several messages.</summary>
public interface IMailSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>The seam to the outside: SMTP through MailKit, or .eml files in the data folder.</summary>
public interface IMailSender
{
    string Description { get; }

    Task<IMailSession> OpenAsync(CancellationToken ct);
}

public sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    private SmtpOptions Smtp => options.Value.Smtp;

    public string Description => $"SMTP {Smtp.Host}:{Smtp.Port}";

    public async Task<IMailSession> OpenAsync(CancellationToken ct)
    {
        var client = new SmtpClient();
        try
        {
            var security = Enum.TryParse<SecureSocketOptions>(Smtp.Security, true, out var s) ? s : SecureSocketOptions.Auto;
            // Small SMTP commands on a socket with Nagle's algorithm wait for delayed ACKs (~40 ms each).
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(Smtp.Host ?? "localhost", Smtp.Port, ct);
            await client.ConnectAsync(socket, Smtp.Host ?? "localhost", Smtp.Port, security, ct);
            if (!string.IsNullOrEmpty(Smtp.User))
            {
                await client.AuthenticateAsync(Smtp.User, Smtp.Password ?? "", ct);
            }

            return new Session(client);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or SmtpProtocolException or SmtpCommandException or AuthenticationException)
        {
            client.Dispose();
            throw new MailDeliveryException($"无法连接邮件服务器 {Smtp.Host}:{Smtp.Port}：{ex.Message}", transient: ex is not AuthenticationException, ex);
        }
    }

    private sealed class Session(SmtpClient client) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            try
            {
                await client.SendAsync(message, ct);
            }
            catch (SmtpCommandException ex)
            {
                var code = (int)ex.StatusCode;
                throw new MailDeliveryException($"{code} {ex.Message}", transient: code is >= 400 and < 500, ex,
                    recipientRefused: ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted && code >= 500);
            }
            catch (MailKit.ServiceNotConnectedException ex)
            {
                throw new MailDeliveryException("连接已断开：" + ex.Message, transient: true, ex);
            }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException or System.Net.Sockets.SocketException)
            {
                throw new MailDeliveryException("发送过程中连接中断：" + ex.Message, transient: true, ex, maybeDelivered: true);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (client.IsConnected)
            {
                try
                {
                    await client.DisconnectAsync(true);
                }
                catch (Exception ex) when (ex is IOException or SmtpProtocolException or System.Net.Sockets.SocketException)
                {
                    // The messages already accepted stay accepted; nothing to do.
                }
            }

            client.Dispose();
        }
    }
}

/// <summary>The embedded default: each message as an .eml file under <c>&lt;DataPath&gt;/mail/</c>.</summary>
public sealed class PickupFolderMailSender(DataPaths paths, TimeProvider clock) : IMailSender
{
    public string Description => "邮件文件夹 " + paths.MailFolder;

    public Task<IMailSession> OpenAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(paths.MailFolder);
        return Task.FromResult<IMailSession>(new Session(paths.MailFolder, clock));
    }

    private sealed class Session(string folder, TimeProvider clock) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            var file = Path.Combine(folder, $"{clock.GetUtcNow():yyyyMMddHHmmss}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(file, ct);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
