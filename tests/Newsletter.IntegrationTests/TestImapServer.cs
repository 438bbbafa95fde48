using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace Newsletter.IntegrationTests;

/// <summary>
/// A real IMAP server for the test: Debian's Dovecot (dovecot-imapd, installed by scripts/test.sh) started in the foreground
/// on 127.0.0.1 and a free port, with its own configuration, one mailbox user and a Maildir in a temporary folder. The test
/// delivers into it by IMAP APPEND, as the deployer's mail server would deliver the bounce reports.
/// </summary>
public sealed class TestImapServer : IAsyncDisposable
{
    public const string User = "bounces";
    public const string Password = "imap-test-pass";
    private const string Dovecot = "/usr/sbin/dovecot";

    private readonly string folder = Path.Combine("/tmp", "nl-imap-" + Guid.NewGuid().ToString("N")[..12]);
    private Process? process;

    public int Port { get; } = Ports.Free();

    /// <summary>Settings pointing the portal's bounce reader at this mailbox.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Mail:Bounces:Imap:Host"] = "127.0.0.1",
        ["Mail:Bounces:Imap:Port"] = Port.ToString(),
        ["Mail:Bounces:Imap:Security"] = "None",
        ["Mail:Bounces:Imap:User"] = User,
        ["Mail:Bounces:Imap:Password"] = Password,
        ["Mail:Bounces:PollSeconds"] = "1",
    };

    public static async Task<TestImapServer> StartAsync()
    {
        Assert.True(File.Exists(Dovecot), $"{Dovecot} is missing: install Debian's dovecot-imapd (scripts/test.sh does it with apt-get).");
        var server = new TestImapServer();
        await server.RunAsync();
        return server;
    }

    private async Task RunAsync()
    {
        var home = Path.Combine(folder, "home");
        foreach (var sub in new[] { "run", "state", home })
        {
            Directory.CreateDirectory(Path.Combine(folder, sub));
        }

        // Dovecot refuses to hand mail to root: as root the mailbox belongs to nobody, otherwise to whoever runs the tests
        // (then its login process cannot chroot either, so it never does: a test server on 127.0.0.1 needs no jail).
        var (uid, gid) = (CurrentId("Uid:"), CurrentId("Gid:"));
        var (mailUid, mailGid) = uid == 0 ? (65534, 65534) : (uid, gid);
        var unprivileged = uid == 0 ? "" : $"default_internal_user = {Environment.UserName}\ndefault_login_user = {Environment.UserName}\n"
            + $"default_internal_group = {GroupName(gid)}\n";
        await File.WriteAllTextAsync(Path.Combine(folder, "users"), $"{User}:{{PLAIN}}{Password}\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "dovecot.conf"), $$"""
            protocols = imap
            listen = 127.0.0.1
            base_dir = {{folder}}/run
            state_dir = {{folder}}/state
            log_path = {{folder}}/dovecot.log
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            first_valid_uid = 1
            {{unprivileged}}
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{folder}}/users
            }
            userdb {
              driver = static
              args = uid={{mailUid}} gid={{mailGid}} home={{home}}/%u
            }
            mail_location = maildir:~/Maildir
            service imap-login {
              chroot =
              inet_listener imap {
                address = 127.0.0.1
                port = {{Port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            """);
        if (uid == 0)
        {
            Process.Start("chown", ["-R", $"{mailUid}:{mailGid}", home])!.WaitForExit();
        }

        process = Process.Start(new ProcessStartInfo(Dovecot, ["-F", "-c", Path.Combine(folder, "dovecot.conf")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (!process.HasExited)
            {
                await Task.Delay(100);
            }
        }

        var log = File.Exists(Path.Combine(folder, "dovecot.log")) ? await File.ReadAllTextAsync(Path.Combine(folder, "dovecot.log")) : "";
        throw new InvalidOperationException($"Dovecot did not listen on 127.0.0.1:{Port}: {await process.StandardError.ReadToEndAsync()} {log}");
    }

    /// <summary>Delivers a message into the mailbox's INBOX, unseen.</summary>
    public async Task DeliverAsync(string message)
    {
        using var client = await ConnectAsync();
        await client.Inbox.AppendAsync(MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message))), MessageFlags.None);
        await client.DisconnectAsync(true);
    }

    /// <summary>How many messages of the INBOX are still unseen.</summary>
    public async Task<int> UnseenAsync()
    {
        using var client = await ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var count = (await client.Inbox.SearchAsync(SearchQuery.NotSeen)).Count;
        await client.DisconnectAsync(true);
        return count;
    }

    /// <summary>Waits (up to 20 s) until the portal has read every message.</summary>
    public async Task WaitUntilReadAsync()
    {
        for (var i = 0; i < 200 && await UnseenAsync() > 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, await UnseenAsync());
    }

    private async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(User, Password);
        return client;
    }

    /// <summary>The real uid or gid of this process ("Uid:" or "Gid:" of /proc/self/status).</summary>
    private static int CurrentId(string field) =>
        int.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1]);

    private static string GroupName(int gid) =>
        File.ReadLines("/etc/group").Select(l => l.Split(':')).FirstOrDefault(f => f.Length > 2 && f[2] == gid.ToString())?[0] ?? gid.ToString();

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
