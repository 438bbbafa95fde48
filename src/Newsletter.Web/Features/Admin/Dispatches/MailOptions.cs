namespace Newsletter.Web.Features.Admin.Dispatches;

/// <summary>Configuration section <c>Mail</c>.</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    /// <summary>From header, e.g. 工作通讯 &lt;newsletter@gxjsx.org.cn&gt;.</summary>
    public string From { get; set; } = "工作通讯 <newsletter@localhost>";

    /// <summary>The portal's public address, for links in the mail.</summary>
    public string PortalUrl { get; set; } = "http://localhost:5080";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The domain of the portal's Message-IDs: that of <c>From</c> (the domain DKIM signs for), else the portal's host.</summary>
    public string MessageIdDomain() =>
        MimeKit.MailboxAddress.TryParse(From, out var from) && from.Domain is { Length: > 0 } domain ? domain
        : Uri.TryCreate(PortalUrl, UriKind.Absolute, out var url) ? url.Host : "localhost";

    /// <summary>The line in every issue mail saying whom to ask to change the receiving address.</summary>
    public string ContactLine { get; set; } = "如需更改接收邮箱，请联系自治区计生协办公室。";

    /// <summary>
    /// How long a mail's unsubscribe link works. 180 days: an issue mail is kept and opened months later, and half a year
    /// of issues always includes a recent mail with a fresh link; a link much older than that is more likely forwarded than meant.
    /// </summary>
    public int UnsubscribeLinkDays { get; set; } = 180;

    public int PollSeconds { get; set; } = 2;

    /// <summary>Workers sending side by side, each on its own SMTP connection.</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>Reconnect after this many messages (many servers limit a session).</summary>
    public int MessagesPerConnection { get; set; } = 100;

    /// <summary>Attempts before a recipient that keeps failing transiently is marked failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry after this many seconds, doubling each time.</summary>
    public int RetryBaseSeconds { get; set; } = 30;

    /// <summary>A claim older than this (its node crashed mid-send) becomes 状态不明.</summary>
    public int ClaimTimeoutSeconds { get; set; } = 300;

    /// <summary>At most this many messages a minute over all workers (many government servers throttle); 0 = no limit.</summary>
    public int MaxPerMinute { get; set; }

    public DkimOptions Dkim { get; set; } = new();

    public BounceOptions Bounces { get; set; } = new();
}

/// <summary>Configuration section <c>Mail:Dkim</c>: the mail is signed when all three are set.</summary>
public sealed class DkimOptions
{
    /// <summary>The signing domain (d=), the domain of <c>Mail:From</c>, e.g. gxjsx.org.cn.</summary>
    public string? Domain { get; set; }

    /// <summary>The selector (s=): the key's TXT record is at &lt;selector&gt;._domainkey.&lt;domain&gt;.</summary>
    public string? Selector { get; set; }

    /// <summary>The RSA private key as a PEM file, readable by the portal only.</summary>
    public string? PrivateKeyPath { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Domain) && !string.IsNullOrWhiteSpace(Selector) && !string.IsNullOrWhiteSpace(PrivateKeyPath);
}

/// <summary>Configuration section <c>Mail:Bounces</c>: where delivery-status reports arrive and when an address is stopped.</summary>
public sealed class BounceOptions
{
    /// <summary>Hard bounces after which an address is 退信停发.</summary>
    public int StopAfter { get; set; } = 3;

    /// <summary>A Maildir folder the bounce mailbox is delivered into (its new/ is read, then each file moved to cur/); none: not read.</summary>
    public string? Maildir { get; set; }

    /// <summary>An IMAP mailbox the reports arrive in (<c>Mail:Bounces:Imap:Host</c> …); unseen messages are read, then marked seen.</summary>
    public ImapOptions Imap { get; set; } = new();

    public int PollSeconds { get; set; } = 60;

    /// <summary>Whether any bounce mailbox is configured.</summary>
    public bool Configured => !string.IsNullOrWhiteSpace(Maildir) || Imap.Configured;
}

/// <summary>Configuration section <c>Mail:Bounces:Imap</c>: the bounce mailbox on the deployer's mail server.</summary>
public sealed class ImapOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 993;

    /// <summary>MailKit's SecureSocketOptions: Auto, SslOnConnect, StartTls, StartTlsWhenAvailable, None.</summary>
    public string Security { get; set; } = "Auto";

    public string? User { get; set; }

    public string? Password { get; set; }

    public string Folder { get; set; } = "INBOX";

    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>Configuration section <c>Mail:Smtp</c>. No host: the .eml files go to the data folder's mail folder.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary><c>None</c>, <c>StartTls</c>, <c>SslOnConnect</c> or <c>Auto</c>.</summary>
    public string Security { get; set; } = "Auto";

    public string? User { get; set; }

    public string? Password { get; set; }
}
