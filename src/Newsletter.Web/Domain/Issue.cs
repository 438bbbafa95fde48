namespace Newsletter.Web.Domain;

/// <summary>期: one numbered issue of the newsletter, e.g. 2023年第2期(总第65期).</summary>
public class Issue : IVersioned
{
    public int Id { get; set; }

    public int Year { get; set; }

    /// <summary>第N期: restarts each year; supplements count in their own series.</summary>
    public int Number { get; set; }

    /// <summary>增刊: a supplement, numbered apart from the regular issues.</summary>
    public bool IsSupplement { get; set; }

    /// <summary>总第M期: runs on over all years; supplements have none.</summary>
    public int? SerialNumber { get; set; }

    /// <summary>Month printed on the cover (2023年5月).</summary>
    public int CoverMonth { get; set; }

    /// <summary>印发日期: the day it was printed, separate from the web publication time.</summary>
    public DateOnly? PrintDate { get; set; }

    /// <summary>印数: copies printed.</summary>
    public int? Copies { get; set; }

    public string? ChiefEditor { get; set; }

    public string? Editor { get; set; }

    public string? ResponsibleEditor { get; set; }

    /// <summary>送: the bodies the issue is reported to, as printed in the footer.</summary>
    public string? SendTo { get; set; }

    /// <summary>发: the bodies the issue is distributed to, as printed in the footer.</summary>
    public string? DistributeTo { get; set; }

    private IssueStatus status;

    /// <summary>Changed only by the transition methods below (one per row of <see cref="IssueWorkflow"/>); set at creation.</summary>
    public IssueStatus Status { get => status; init => status = value; }

    /// <summary>Null means the publication's default applies.</summary>
    public IssueVisibility? Visibility { get; set; }

    /// <summary>UTC time the issue went out on the web.</summary>
    public DateTime? PublishedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>UTC time at which the scheduler publishes it (定时发布).</summary>
    public DateTime? ScheduledAt { get; set; }

    public DateTime? WithdrawnAt { get; set; }

    /// <summary>撤回原因, shown to readers.</summary>
    public string? WithdrawalReason { get; set; }

    /// <summary>The longest 撤回原因 (the column holds 500).</summary>
    public const int MaxWithdrawalReasonLength = 500;

    /// <summary>Send the e-mail to the 送/发 lists when it is published (also when published by the scheduler).</summary>
    public bool SendOnPublish { get; set; } = true;

    /// <summary>保密审查: who confirmed it before publishing.</summary>
    public string? ConfidentialityReviewedBy { get; set; }

    public DateTime? ConfidentialityReviewedAt { get; set; }

    /// <summary>Name of the file it was imported from, if any.</summary>
    public string? SourceFile { get; set; }

    /// <summary>
    /// 往期: imported from the printed archive (it has a <see cref="SourceFile"/>). Publishing keeps its printed footer and
    /// date and mails no one (docs/decisions/0010-back-issues.md).
    /// </summary>
    public bool IsBackIssue => SourceFile is not null;

    /// <summary>
    /// 原版 PDF: SHA-256 of the printed PDF a back issue was imported from, stored once under the media folder
    /// (media/ab/abcd…/file.pdf) and offered on the issue's page with the issue's own visibility.
    /// </summary>
    public string? OriginalSha256 { get; set; }

    /// <summary>The original's file name as uploaded (2019年第3期.pdf), given back on download.</summary>
    public string? OriginalName { get; set; }

    public long? OriginalBytes { get; set; }

    public bool HasOriginal => OriginalSha256 is not null;

    /// <summary>The day a back issue went out: its 印发日期, else the 1st of the month on its cover.</summary>
    public DateOnly PrintedOn => PrintDate ?? new DateOnly(Year, Math.Clamp(CoverMonth, 1, 12), 1);

    /// <summary><see cref="PrintedOn"/> at midnight in Beijing (UTC+8, no daylight saving), as the UTC time stored.</summary>
    public DateTime PrintedAtUtc => PrintedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);

    public int Version { get; set; }

    public List<Article> Articles { get; set; } = [];

    /// <summary>更正 of the issue's own lines after publication (送, 发 …), oldest first.</summary>
    public List<IssueCorrection> Corrections { get; set; } = [];

    /// <summary>目录: the sections in the administrators' order, each with the issue's items in position order.</summary>
    public IReadOnlyList<TocSection> TableOfContents() => Articles
        .Where(a => a.Section is not null)
        .GroupBy(a => a.Section!.Id)
        .Select(g => new TocSection(g.First().Section!, g.OrderBy(a => a.Position).ToList()))
        .OrderBy(s => s.Section.SortOrder)
        .ToList();

    public bool IsPublished => Status == IssueStatus.Published;

    public IssueVisibility EffectiveVisibility(Publication publication) =>
        Visibility ?? publication.DefaultVisibility;

    /// <summary>第2期(总第65期), or 增刊第1期.</summary>
    public string NumberLabel => IsSupplement
        ? $"增刊第{Number}期"
        : SerialNumber is { } serial ? $"第{Number}期(总第{serial}期)" : $"第{Number}期";

    /// <summary>2023年第2期(总第65期).</summary>
    public string FullLabel => $"{Year}年{NumberLabel}";

    public string CoverDateLabel => $"{Year}年{CoverMonth}月";

    // One method per row of IssueWorkflow. The caller has asked IssueWorkflow.Instance.Check (roles, guard, note) and
    // checked the form's preconditions; the target status comes from the table. Publishing has effects beyond the
    // entity, done by the caller and the save: see IssueTransitions.OnPublishAsync.

    public void SubmitForReview(DateTime utcNow) => Move(IssueAction.SubmitForReview, utcNow);

    public void Return(DateTime utcNow) => Move(IssueAction.Return, utcNow);

    public void Approve(DateTime utcNow) => Move(IssueAction.Approve, utcNow);

    public void Reopen(DateTime utcNow) => Move(IssueAction.Reopen, utcNow);

    /// <summary>立即发布, by the person who confirmed the 保密审查.</summary>
    public void Publish(string reviewedBy, bool sendOnPublish, DateTime utcNow)
    {
        ConfirmReview(reviewedBy, sendOnPublish, utcNow);
        GoOut(utcNow);
        Move(IssueAction.Publish, utcNow);
    }

    /// <summary>定时发布: the scheduler publishes it at <paramref name="atUtc"/> (<see cref="PublishDue"/>).</summary>
    public void Schedule(DateTime atUtc, string reviewedBy, bool sendOnPublish, DateTime utcNow)
    {
        ConfirmReview(reviewedBy, sendOnPublish, utcNow);
        ScheduledAt = atUtc;
        Move(IssueAction.Schedule, utcNow);
    }

    public void Unschedule(DateTime utcNow)
    {
        ScheduledAt = null;
        Move(IssueAction.Unschedule, utcNow);
    }

    public void PublishDue(DateTime utcNow)
    {
        GoOut(utcNow);
        Move(IssueAction.PublishDue, utcNow);
    }

    /// <summary>撤回, with the reason readers see in its place.</summary>
    public void Withdraw(string reason, DateTime utcNow)
    {
        WithdrawnAt = utcNow;
        WithdrawalReason = reason.Trim();
        Move(IssueAction.Withdraw, utcNow);
    }

    public void Republish(DateTime utcNow)
    {
        WithdrawnAt = null;
        WithdrawalReason = null;
        Move(IssueAction.Republish, utcNow);
    }

    /// <summary>An issue imported from the printed archive as published: it was reviewed on paper, not through the table.</summary>
    public void PublishAsPrinted(DateTime utcNow)
    {
        GoOut(utcNow);
        status = IssueStatus.Published;
    }

    private void ConfirmReview(string reviewedBy, bool sendOnPublish, DateTime utcNow)
    {
        SendOnPublish = sendOnPublish && !IsBackIssue;
        ConfidentialityReviewedBy = reviewedBy;
        ConfidentialityReviewedAt = utcNow;
    }

    private void GoOut(DateTime utcNow)
    {
        PublishedAt ??= IsBackIssue ? PrintedAtUtc : utcNow;
        ScheduledAt = null;
    }

    private void Move(IssueAction action, DateTime utcNow)
    {
        status = IssueWorkflow.Instance.To(status, action);
        UpdatedAt = utcNow;
    }
}
