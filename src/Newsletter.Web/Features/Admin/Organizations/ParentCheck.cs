using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Admin.Organizations;

/// <summary>
/// Skips the import lines whose parent is missing, is itself, is on a skipped line, or would close a loop; in one walk
/// up each chain of parents, so a file of thousands of lines takes as long as reading it. Each organisation's parent is
/// its line's 上级单位 while the line is valid, else the one it has (or none). A line only hanging below a loop is not
/// refused with it: once the loop's lines are skipped, it is checked again through the parents they keep.
/// </summary>
internal sealed class ParentCheck
{
    private enum State
    {
        Unknown,
        OnPath,
        Valid,
        Refused,
    }

    private readonly List<ImportDraft> drafts;
    private readonly IReadOnlyDictionary<string, int> firstLine;
    private readonly IReadOnlyDictionary<string, Organization> byName;
    private readonly IReadOnlyDictionary<int, string> nameById;
    private readonly Dictionary<string, int> lineOf = new(StringComparer.Ordinal);
    private readonly State[] states;
    private readonly int[] depth;

    /// <summary>For a name whose parent can no longer change (no valid line): the nearest line above it when last climbed.</summary>
    private readonly Dictionary<string, string?> climbed = new(StringComparer.Ordinal);

    private ParentCheck(List<ImportDraft> drafts, IReadOnlyDictionary<string, int> firstLine,
        IReadOnlyDictionary<string, Organization> byName, IReadOnlyDictionary<int, string> nameById)
    {
        (this.drafts, this.firstLine, this.byName, this.nameById) = (drafts, firstLine, byName, nameById);
        states = new State[drafts.Count];
        depth = new int[drafts.Count];
        for (var i = 0; i < drafts.Count; i++)
        {
            if (!drafts[i].Refused)
            {
                lineOf[drafts[i].Name] = i;
            }
            else
            {
                states[i] = State.Refused;
            }
        }
    }

    /// <summary>Sets <see cref="ImportDraft.Errors"/> on every line that cannot be imported because of its parent.</summary>
    public static void Run(List<ImportDraft> drafts, IReadOnlyDictionary<string, int> firstLine,
        IReadOnlyDictionary<string, Organization> byName, IReadOnlyDictionary<int, string> nameById)
    {
        var check = new ParentCheck(drafts, firstLine, byName, nameById);
        var starts = new Stack<int>();
        for (var i = drafts.Count - 1; i >= 0; i--)
        {
            starts.Push(i);
        }

        while (starts.TryPop(out var start))
        {
            if (check.states[start] == State.Unknown)
            {
                check.Walk(start, starts);
            }
        }
    }

    /// <summary>Climbs from the line until a root or a line known to be valid; refuses lines on the way as it finds problems.</summary>
    private void Walk(int start, Stack<int> starts)
    {
        var path = new List<int>();
        Push(path, start);
        while (path.Count > 0)
        {
            var top = path[^1];
            var draft = drafts[top];
            var parent = draft.ParentGiven ? draft.ParentName : ExistingParent(draft.Name);
            if (draft.ParentGiven && parent == draft.Name)
            {
                Refuse(path, top, "上级单位不能是它自己。");
                continue;
            }

            if (parent is not null && !IsLive(parent) && !byName.ContainsKey(parent))
            {
                Refuse(path, top, firstLine.TryGetValue(parent, out var line) ? $"上级单位“{parent}”所在的第{line}行有错误。" : $"上级单位“{parent}”不存在。");
                continue;
            }

            var above = Climb(parent) is { } name ? lineOf[name] : -1;
            if (above < 0 || states[above] == State.Valid)
            {
                path.ForEach(i => states[i] = State.Valid);
                return;
            }

            if (states[above] == State.Unknown)
            {
                Push(path, above);
                continue;
            }

            RefuseLoop(path, depth[above], starts);
        }
    }

    /// <summary>
    /// path[from..] is a loop. Its lines that give a 上级单位 are refused; the others (keeping the parent they have) are
    /// checked again later. A loop made only of parents already stored is not this file's doing: it is left as it is.
    /// </summary>
    private void RefuseLoop(List<int> path, int from, Stack<int> starts)
    {
        var loop = path[from..];
        if (!loop.Any(i => drafts[i].ParentGiven))
        {
            path.ForEach(i => states[i] = State.Valid);
            path.Clear();
            return;
        }

        path.RemoveRange(from, loop.Count);
        foreach (var i in loop)
        {
            if (drafts[i].ParentGiven)
            {
                Refuse(null, i, $"上级单位“{drafts[i].ParentName}”是它的下级单位，会形成循环。");
            }
            else
            {
                states[i] = State.Unknown;
                starts.Push(i);
            }
        }
    }

    /// <summary>The nearest name at or above <paramref name="name"/> that is a valid line, going up through the parents others keep; null at a root.</summary>
    private string? Climb(string? name)
    {
        var passed = new List<string>();
        while (name is not null && !IsLive(name))
        {
            if (passed.Count > byName.Count + 1)
            {
                name = null; // a loop among stored parents: as for a root
                break;
            }

            passed.Add(name);
            name = climbed.TryGetValue(name, out var known) ? known : ExistingParent(name);
        }

        passed.ForEach(p => climbed[p] = name);
        return name;
    }

    private bool IsLive(string name) => lineOf.TryGetValue(name, out var i) && states[i] != State.Refused;

    private string? ExistingParent(string name) =>
        byName.TryGetValue(name, out var o) && o.ParentId is { } id && nameById.TryGetValue(id, out var parent) ? parent : null;

    private void Push(List<int> path, int i)
    {
        states[i] = State.OnPath;
        depth[i] = path.Count;
        path.Add(i);
    }

    private void Refuse(List<int>? path, int i, string error)
    {
        drafts[i] = drafts[i] with { Errors = [.. drafts[i].Errors, error] };
        states[i] = State.Refused;
        if (path is { Count: > 0 } && path[^1] == i)
        {
            path.RemoveAt(path.Count - 1);
        }
    }
}
