using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Audit;
using Newsletter.Web.Features.Shared;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Editorial.Issues;

/// <summary>
/// 更正 of a published issue's own lines: after publication the masthead is read-only, and a wrong 送/发 line, editor's
/// name or 印发日期 is changed on the record — an <see cref="IssueCorrection"/> (before, after, note, who, when) shown to
/// readers with its date, the audit log, and the issue's change in one save (which evicts the cached reading pages).
/// </summary>
public sealed class IssueCorrections(NewsletterDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>A line that may be corrected: form key, label as printed, longest text.</summary>
    public sealed record CorrectableField(string Key, string Label, int MaxLength);

    public static readonly IReadOnlyList<CorrectableField> Fields =
    [
        new("SendTo", "送", 1000), new("DistributeTo", "发", 1000), new("ChiefEditor", "总编辑", 50),
        new("Editor", "编辑", 50), new("ResponsibleEditor", "责任编辑", 50), new("PrintDate", "印发日期", 20),
    ];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy年M月d日"];

    public Task<List<IssueCorrection>> OfAsync(int issueId) =>
        db.IssueCorrections.AsNoTracking().Where(c => c.IssueId == issueId).OrderBy(c => c.CorrectedAt).ToListAsync();

    public async Task<Outcome> CorrectAsync(int id, IssueCorrectionForm form, Actor actor)
    {
        var issue = await db.Issues.FirstOrDefaultAsync(i => i.Id == id);
        if (issue is null)
        {
            return Outcome.NotFound("没有找到这一期。");
        }

        if (!issue.IsPublished)
        {
            return Outcome.Invalid("本期尚未发布：报头报尾可以直接修改，不需要更正。");
        }

        var field = Fields.FirstOrDefault(f => f.Key == form.Field);
        if (field is null)
        {
            return Outcome.Invalid($"没有这一栏可以更正。可更正的是：{string.Join("、", Fields.Select(f => f.Label))}。");
        }

        var note = form.Note?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            return Outcome.Invalid("请写明更正说明，读者会在本期末尾看到它。");
        }

        if (note.Length > IssueCorrection.MaxNoteLength)
        {
            return Outcome.Invalid($"更正说明不能超过 {IssueCorrection.MaxNoteLength} 个字。");
        }

        var after = string.IsNullOrWhiteSpace(form.After) ? null : form.After.Trim();
        if (after?.Length > field.MaxLength)
        {
            return Outcome.Invalid($"{field.Label}不能超过 {field.MaxLength} 个字。");
        }

        DateOnly? date = null;
        if (field.Key == "PrintDate" && after is not null)
        {
            if (!DateOnly.TryParseExact(after, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return Outcome.Invalid("印发日期请写成 2023-05-06 或 2023年5月6日。");
            }

            date = parsed;
            after = ChineseFormat.Date(parsed);
        }

        var before = Read(issue, field.Key);
        if (before == after)
        {
            return Outcome.Invalid($"新的{field.Label}与现在的相同，没有可更正的。");
        }

        Write(issue, field.Key, after, date);
        var now = clock.GetUtcNow().UtcDateTime;
        issue.UpdatedAt = now;
        db.IssueCorrections.Add(new IssueCorrection
        {
            IssueId = id, CorrectedAt = now, Field = field.Label, Before = before, After = after, Note = note,
            ById = actor.UserId, ByName = actor.Name,
        });
        audit.Record(actor, nameof(Issue), id, "更正", detail: $"{issue.FullLabel}；{field.Label}：“{before}”→“{after}”；{note}");
        return await db.SaveOrConflictAsync(IssueService.ChangedMeanwhile);
    }

    private static string? Read(Issue issue, string key) => key switch
    {
        "SendTo" => issue.SendTo,
        "DistributeTo" => issue.DistributeTo,
        "ChiefEditor" => issue.ChiefEditor,
        "Editor" => issue.Editor,
        "ResponsibleEditor" => issue.ResponsibleEditor,
        _ => issue.PrintDate is { } d ? ChineseFormat.Date(d) : null,
    };

    private static void Write(Issue issue, string key, string? text, DateOnly? date)
    {
        switch (key)
        {
            case "SendTo": issue.SendTo = text; break;
            case "DistributeTo": issue.DistributeTo = text; break;
            case "ChiefEditor": issue.ChiefEditor = text; break;
            case "Editor": issue.Editor = text; break;
            case "ResponsibleEditor": issue.ResponsibleEditor = text; break;
            default: issue.PrintDate = date; break;
        }
    }
}
