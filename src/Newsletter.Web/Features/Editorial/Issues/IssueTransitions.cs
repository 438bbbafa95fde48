using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Audit;
using Newsletter.Web.Features.Admin.Dispatches;
using Newsletter.Web.Features.Notifications;
using Newsletter.Web.Features.Shared;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Editorial.Issues;

/// <summary>
/// Moves an issue through <see cref="IssueWorkflow"/>: review, approval (after the 错敏词 hits are
/// looked at), publishing now or at a time (after the 保密审查 is confirmed), withdrawal with a reason.
/// </summary>
public sealed class IssueTransitions(
    NewsletterDbContext db, IssueService issues, AuditLog audit, DistributionLists lists, Notifier notifier, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome> ApplyAsync(int id, IssueTransitionForm form, Actor actor)
    {
        var issue = await issues.FindAsync(id);
        if (issue is null)
        {
            return Outcome.NotFound("没有找到这一期。");
        }

        var (row, refusal, message) = IssueWorkflow.Instance.Check(issue, form.Action, actor, form.Note);
        if (row is null)
        {
            return Outcome.From(refusal, message);
        }

        if (await PreconditionAsync(issue, form) is { } invalid)
        {
            return Outcome.Invalid(invalid);
        }

        var from = issue.Status;
        Apply(issue, form, actor);
        if (row.To == IssueStatus.Published && from != IssueStatus.Withdrawn)
        {
            await OnPublishAsync(issue, actor);
        }

        if (!string.IsNullOrWhiteSpace(form.Note))
        {
            var comment = ReviewComment.OnTransition(actor, form.Note, row.Label, Now);
            comment.IssueId = id;
            db.ReviewComments.Add(comment);
        }

        audit.Record(actor, nameof(Issue), id, row.Label, IssueWorkflow.StatusName(from), IssueWorkflow.StatusName(row.To), Detail(issue, form));
        // The same save, because the status changed: NewsletterDbContext.EnqueueSearchUpdates adds the search-outbox row
        // (published, withdrawn, re-published) and the ArchiveCacheInvalidator interceptor evicts the cached reading pages.
        var saved = await db.SaveOrConflictAsync(IssueService.ChangedMeanwhile);
        if (saved.Succeeded)
        {
            await notifier.IssueChangedAsync(issue, form.Action, form.Note, actor);
        }

        return saved;
    }

    /// <summary>
    /// What a first publication (立即发布 or 到时发布, not 重新发布) does besides the status: the dispatch (发送) to the
    /// organisation groups is created, to be sent by the DispatchWorker after the save. The footer's 送 and 发 lines stay
    /// exactly as the editor typed them (按发送名单生成 on the compose page fills them from the groups beforehand; after
    /// publication a wrong line is a recorded 更正, <see cref="IssueCorrections"/>). The search-outbox row and the cache
    /// eviction follow from the save itself (see <see cref="ApplyAsync"/>). A back issue (往期, imported from the printed
    /// archive) goes to the archive without mail (docs/decisions/0010-back-issues.md).
    /// </summary>
    private async Task OnPublishAsync(Issue issue, Actor actor)
    {
        if (issue.IsBackIssue)
        {
            return;
        }

        if (issue.SendOnPublish)
        {
            var publication = await db.Publications.AsNoTracking().FirstAsync();
            var dispatch = await lists.CreateDispatchAsync(issue, $"{publication.Name} {issue.FullLabel}", actor.Name);
            if (dispatch is not null)
            {
                audit.Record(actor, nameof(Dispatch), issue.Id, "创建发送", detail: $"{issue.FullLabel}：{dispatch.Recipients.Count} 个地址");
            }
        }
    }

    /// <summary>Publishes every scheduled issue whose time has come; returns how many.</summary>
    public async Task<int> PublishDueAsync(CancellationToken ct = default)
    {
        var due = await db.Issues.Where(i => i.Status == IssueStatus.Scheduled && i.ScheduledAt <= Now)
            .Select(i => i.Id).ToListAsync(ct);
        var published = 0;
        foreach (var id in due)
        {
            published += (await ApplyAsync(id, new IssueTransitionForm { Action = IssueAction.PublishDue }, Actor.System)).Succeeded ? 1 : 0;
        }

        return published;
    }

    private async Task<string?> PreconditionAsync(Issue issue, IssueTransitionForm form)
    {
        switch (form.Action)
        {
            case IssueAction.Approve when !form.HitsReviewed && (await issues.HitsAsync(issue)).Count is var n and > 0:
                return $"本期有 {n} 处错敏词提示，请逐条核对后勾选“已逐条核对”，再审核通过。";
            case IssueAction.Publish or IssueAction.Schedule when !form.ConfidentialityConfirmed:
                return "发布前须确认已完成保密审查（勾选“已完成保密审查”）。";
            case IssueAction.Schedule when form.ScheduledAt is null || ToUtc(form.ScheduledAt.Value) <= Now:
                return "请填写一个将来的发布时间。";
            default:
                return null;
        }
    }

    /// <summary>The entity's method for the row; what the form carries (note, time, confirmations) goes with it.</summary>
    private void Apply(Issue issue, IssueTransitionForm form, Actor actor)
    {
        switch (form.Action)
        {
            case IssueAction.SubmitForReview: issue.SubmitForReview(Now); break;
            case IssueAction.Return: issue.Return(Now); break;
            case IssueAction.Approve: issue.Approve(Now); break;
            case IssueAction.Reopen: issue.Reopen(Now); break;
            case IssueAction.Publish: issue.Publish(actor.Name, form.SendEmail, Now); break;
            case IssueAction.Schedule: issue.Schedule(ToUtc(form.ScheduledAt!.Value), actor.Name, form.SendEmail, Now); break;
            case IssueAction.Unschedule: issue.Unschedule(Now); break;
            case IssueAction.PublishDue: issue.PublishDue(Now); break;
            case IssueAction.Withdraw: issue.Withdraw(form.Note!, Now); break;
            case IssueAction.Republish: issue.Republish(Now); break;
        }
    }

    private static string Detail(Issue issue, IssueTransitionForm form) => form.Action switch
    {
        IssueAction.Publish => $"{issue.FullLabel}；保密审查：{issue.ConfidentialityReviewedBy}{(issue.IsBackIssue ? "；导入的往期，只进入档案，不发送邮件" : "")}",
        IssueAction.Schedule => $"{issue.FullLabel}；定于 {form.ScheduledAt:yyyy-MM-dd HH:mm} 发布；保密审查：{issue.ConfidentialityReviewedBy}",
        _ => string.IsNullOrWhiteSpace(form.Note) ? issue.FullLabel : $"{issue.FullLabel}；{form.Note.Trim()}",
    };

    private static DateTime ToUtc(DateTime chinaLocal) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(chinaLocal, DateTimeKind.Unspecified), ChineseFormat.ChinaTime);
}
