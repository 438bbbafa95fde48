namespace Newsletter.Web.Domain;

/// <summary>发送: the e-mailing of one published issue to a snapshot of its recipients.</summary>
public class Dispatch
{
    public int Id { get; set; }

    public int IssueId { get; set; }

    public Issue? Issue { get; set; }

    public required string Subject { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public List<DispatchRecipient> Recipients { get; set; } = [];

    /// <summary>How the subject of a 补发 (a resend to chosen recipients of an earlier dispatch) begins.</summary>
    public const string ResendPrefix = "补发：";

    /// <summary>A 补发 rather than the dispatch made when the issue was published.</summary>
    public bool IsResend => Subject.StartsWith(ResendPrefix, StringComparison.Ordinal);
}

/// <summary>
/// 待发送 → 发送中 (claimed before the send) → 已发送 / 失败; a claim left behind by a crash becomes
/// 状态不明 for an administrator to decide, never a silent second send.
/// </summary>
public enum DeliveryStatus
{
    Pending,
    Claimed,
    Sent,
    Failed,
    Unknown,

    /// <summary>Not sent: the address had unsubscribed (已退订) when the dispatch was made.</summary>
    Unsubscribed,

    /// <summary>Not sent: the address was stopped after hard bounces (退信停发).</summary>
    Stopped,

    /// <summary>Sent, then reported undeliverable by a delivery-status notification.</summary>
    Bounced,
}

/// <summary>One address of one dispatch, with the organisation as it was when the issue went out.</summary>
public class DispatchRecipient
{
    public long Id { get; set; }

    public int DispatchId { get; set; }

    public int? OrganizationId { get; set; }

    public required string OrganizationName { get; set; }

    public required string Email { get; set; }

    public DistributionGroup Group { get; set; }

    public DeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public DateTime? ClaimedAt { get; set; }

    /// <summary>The node that claimed it.</summary>
    public string? ClaimedBy { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>The server's reply to the last failed attempt.</summary>
    public string? LastError { get; set; }

    /// <summary>The Message-ID the portal gave this recipient's mail (on its own domain), to match a later bounce report.</summary>
    public string? MessageId { get; set; }

    public static string StatusName(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => "待发送",
        DeliveryStatus.Claimed => "发送中",
        DeliveryStatus.Sent => "已发送",
        DeliveryStatus.Failed => "失败",
        DeliveryStatus.Unsubscribed => "已退订，未发送",
        DeliveryStatus.Stopped => "退信停发，未发送",
        DeliveryStatus.Bounced => "已退信",
        _ => "状态不明",
    };
}
