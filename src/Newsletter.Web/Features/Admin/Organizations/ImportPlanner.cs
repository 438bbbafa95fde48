using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Admin.Organizations;

public enum RowOutcome
{
    Added,
    Changed,
    Unchanged,
    Error,
}

/// <summary>What importing one line does: <paramref name="Notes"/> are the changes, or the reason it is skipped.</summary>
public sealed record PlannedRow(int Line, string Name, RowOutcome Outcome, IReadOnlyList<string> Notes, OrganizationState? Target)
{
    public string OutcomeName => Outcome switch
    {
        RowOutcome.Added => "新增",
        RowOutcome.Changed => "修改",
        RowOutcome.Unchanged => "不变",
        _ => "错误",
    };
}

public sealed record ImportPlan(IReadOnlyList<PlannedRow> Rows)
{
    public int Count(RowOutcome outcome) => Rows.Count(r => r.Outcome == outcome);
}

/// <summary>
/// Compares the file with the organisations as they are. Nothing is written here: the preview shows the plan,
/// and the apply step makes it again from the organisations as they are then. A parent may be an existing
/// organisation or a valid line anywhere in the file; a line whose parent is missing, in error, or would close a
/// loop is skipped (<see cref="ParentCheck"/>). Time grows with the length of the file, not its square.
/// </summary>
public static class ImportPlanner
{
    public static ImportPlan Plan(IReadOnlyList<CsvLine> lines, IReadOnlyCollection<Organization> existing)
    {
        var byName = existing.ToDictionary(o => o.Name, StringComparer.Ordinal);
        var nameById = existing.ToDictionary(o => o.Id, o => o.Name);
        var drafts = new List<ImportDraft>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var draft in lines.Select(ImportRowReader.Read))
        {
            var errors = draft.Errors.ToList();
            if (draft.Name.Length > 0 && !firstLine.TryAdd(draft.Name, draft.Line))
            {
                errors.Insert(0, $"名称“{draft.Name}”与第{firstLine[draft.Name]}行重复。");
            }
            else if (draft.Name.Length > 0 && !draft.KindGiven && !byName.ContainsKey(draft.Name))
            {
                errors.Add("新单位要填写类型。");
            }

            drafts.Add(draft with { Errors = errors });
        }

        ParentCheck.Run(drafts, firstLine, byName, nameById);
        var rows = drafts.Select(d => d.Refused
            ? new PlannedRow(d.Line, d.Name, RowOutcome.Error, d.Errors, null)
            : Compare(d, byName.GetValueOrDefault(d.Name), nameById)).ToList();
        return new ImportPlan(rows);
    }

    private static PlannedRow Compare(ImportDraft draft, Organization? current, Dictionary<int, string> nameById)
    {
        var before = current is null ? null
            : OrganizationState.Of(current, current.ParentId is { } id ? nameById[id] : null);
        var target = new OrganizationState(
            draft.Name,
            draft.Kind ?? before!.Kind,
            draft.ParentGiven ? draft.ParentName : before?.ParentName,
            draft.SortOrder ?? before?.SortOrder ?? 0,
            draft.IsActive ?? before?.IsActive ?? true,
            draft.Emails ?? before?.Emails ?? [],
            Membership(draft.Send, before?.Send, draft.SortOrder ?? before?.SortOrder ?? 0),
            Membership(draft.Distribute, before?.Distribute, draft.SortOrder ?? before?.SortOrder ?? 0));
        if (before is null)
        {
            return new PlannedRow(draft.Line, draft.Name, RowOutcome.Added, [target.Describe()], target);
        }

        var changes = OrganizationState.Changes(before, target);
        return new PlannedRow(draft.Line, draft.Name, changes.Count == 0 ? RowOutcome.Unchanged : RowOutcome.Changed, changes, target);
    }

    /// <summary>The file says only 正常/暂停/empty; an existing place in the list keeps its order, a new one takes the line's 排序.</summary>
    private static MembershipState? Membership((MembershipStatus? Status, bool Given) cell, MembershipState? current, int order) =>
        !cell.Given ? current
        : cell.Status is { } status ? new MembershipState(status, current?.Order ?? order)
        : null;
}
