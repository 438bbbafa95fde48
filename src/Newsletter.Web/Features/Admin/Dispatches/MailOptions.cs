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
