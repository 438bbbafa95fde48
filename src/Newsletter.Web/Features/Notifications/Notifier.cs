using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Account;
using Newsletter.Web.Features.Admin.Dispatches;

namespace Newsletter.Web.Features.Notifications;

/// <summary>
/// Tells people by e-mail when work waits for them (docs/decisions/0012): a submitted article → the editors; returned or
/// accepted → its author, with the note; an issue submitted for review → the chief editors; returned → the editor who
/// submitted it; published → the editors. No one is mailed about their own action, nor about a kind they turned off
/// (<see cref="ApplicationUser.MutedNotifications"/>), nor when disabled. Called after the change is saved.
/// </summary>
public sealed class Notifier(
    NewsletterDbContext db, UserManager<ApplicationUser> users, MailQueue queue, IOptions<MailOptions> options, ILogger<Notifier> logger)
{
    private static readonly string[] EditorRoles = [Roles.Editor, Roles.ChiefEditor];

    public async Task ArticleChangedAsync(Article article, ArticleAction action, string? note, Actor actor)
    {
        var link = $"/editorial/articles/{article.Id}";
        var title = $"《{article.Title}》";
        switch (action)
        {
            case ArticleAction.Submit:
                await SendAsync(NotificationKind.ArticleSubmitted, await InRolesAsync(EditorRoles), actor,
                    $"待审稿件：{title}", $"{actor.Name}提交了稿件{title}，等待编辑审稿。", note, link);
                break;
            case ArticleAction.Return:
                await SendAsync(NotificationKind.ArticleReturned, await ByIdAsync(article.CreatedById), actor,
                    $"稿件{title}已退回修改", $"{actor.Name}退回了您的稿件{title}，请按意见修改后重新提交。", note, link);
                break;
            case ArticleAction.Accept:
                await SendAsync(NotificationKind.ArticleAccepted, await ByIdAsync(article.CreatedById), actor,
                    $"稿件{title}已采用", $"{actor.Name}采用了您的稿件{title}，将编入一期工作通讯。", note, link);
                break;
        }
    }

    public async Task IssueChangedAsync(Issue issue, IssueAction action, string? note, Actor actor)
    {
        var link = $"/editorial/issues/{issue.Id}";
        switch (action)
        {
            case IssueAction.SubmitForReview:
                await SendAsync(NotificationKind.IssueSubmitted, await InRolesAsync([Roles.ChiefEditor]), actor,
                    $"待审核：{issue.FullLabel}", $"{actor.Name}把{issue.FullLabel}提交总编辑审核。", note, link);
                break;
            case IssueAction.Return or IssueAction.Reopen:
                await SendAsync(NotificationKind.IssueReturned, await SubmitterAsync(issue), actor,
                    $"{issue.FullLabel}已退回修改", $"{actor.Name}把{issue.FullLabel}退回修改。", note, link);
                break;
            case IssueAction.Publish or IssueAction.PublishDue:
                await SendAsync(NotificationKind.IssuePublished, await InRolesAsync(EditorRoles), actor,
                    $"{issue.FullLabel}已发布", $"{issue.FullLabel}已发布" + (actor.UserId is null ? "（定时发布）。" : $"（{actor.Name}）。"),
                    note, $"/issues/{issue.Year}/{(issue.IsSupplement ? "s" : "")}{issue.Number}");
                break;
        }
    }

    /// <summary>An organisation in a 送/发 list has no address that receives any more: the administrators arrange a new contact.</summary>
    public async Task OrganizationWithoutAddressAsync(Organization organization, string why, Actor actor) =>
        await SendAsync(NotificationKind.OrganizationWithoutAddress, await InRolesAsync([Roles.Administrator]), actor,
            $"{organization.Name}已没有可用的接收邮箱",
            $"{organization.Name}仍在发送名单中，但已没有可用的接收邮箱（{why}），下一期将收不到工作通讯。请联系该单位，在单位页面添加新的接收邮箱。",
            null, $"/admin/organizations/{organization.Id}/edit");

    private async Task SendAsync(
        NotificationKind kind, IEnumerable<ApplicationUser> recipients, Actor actor, string subject, string text, string? note, string link)
    {
        var mail = options.Value;
        if (!MailboxAddress.TryParse(mail.From, out var from))
        {
            logger.LogWarning("Mail:From {From} is not an address; notification {Subject} not sent", mail.From, subject);
            return;
        }

        var url = mail.PortalUrl.TrimEnd('/') + link;
        foreach (var user in recipients.DistinctBy(u => u.Id))
        {
            if (user.Id == actor.UserId || user.IsDisabled || string.IsNullOrWhiteSpace(user.Email)
                || NotificationKindInfo.Muted(user.MutedNotifications).Contains(kind)
                || !MailboxAddress.TryParse(user.Email, out var to))
            {
                continue;
            }

            to.Name = user.DisplayName;
            var message = new MimeMessage { Subject = $"【工作通讯】{subject}" };
            message.From.Add(from);
            message.To.Add(to);
            message.Headers.Add("Auto-Submitted", "auto-generated");
            message.Body = new TextPart("plain")
            {
                Text = $"{user.DisplayName}：\n\n{text}\n"
                       + (string.IsNullOrWhiteSpace(note) ? "" : $"\n意见：{note.Trim()}\n")
                       + $"\n打开：{url}\n\n——\n这是工作通讯门户的自动通知。不想再收到这类通知，可以在“通知设置”中关闭：{mail.PortalUrl.TrimEnd('/')}/notifications\n",
            };
            queue.Enqueue(message);
        }
    }

    private async Task<List<ApplicationUser>> InRolesAsync(IEnumerable<string> roles)
    {
        var found = new List<ApplicationUser>();
        foreach (var role in roles)
        {
            found.AddRange(await users.GetUsersInRoleAsync(role));
        }

        return found;
    }

    private async Task<List<ApplicationUser>> ByIdAsync(string? userId) =>
        userId is not null && await users.FindByIdAsync(userId) is { } user ? [user] : [];

    /// <summary>Who last submitted the issue for review (from the audit log); the editors when no one is recorded.</summary>
    private async Task<List<ApplicationUser>> SubmitterAsync(Issue issue)
    {
        var label = IssueWorkflow.Instance.Table.First(r => r.Action == IssueAction.SubmitForReview).Label;
        var id = issue.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var submitter = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Issue) && e.EntityId == id && e.Action == label && e.UserId != null)
            .OrderByDescending(e => e.Id).Select(e => e.UserId).FirstOrDefaultAsync();
        return submitter is not null ? await ByIdAsync(submitter) : await InRolesAsync([Roles.Editor]);
    }
}
