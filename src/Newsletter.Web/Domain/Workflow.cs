namespace Newsletter.Web.Domain;

/// <summary>
/// One row of a transition table: from a status, an action leads to a status, for these roles
/// (or the item's own author, where <see cref="OwnerMay"/>), when the guard holds. A note that comes with it is kept as a
/// review comment (and, for 撤回, as the reason shown to readers): at most <see cref="MaxNoteLength"/> characters.
/// </summary>
public sealed record Transition<TEntity, TStatus, TAction>(
    TStatus From,
    TAction Action,
    TStatus To,
    string Label,
    IReadOnlyList<string> Roles,
    bool OwnerMay = false,
    bool NeedsNote = false,
    Func<TEntity, string?>? Guard = null,
    int MaxNoteLength = ReviewComment.MaxBodyLength)
    where TStatus : struct, Enum
    where TAction : struct, Enum;

/// <summary>Why a transition was refused: the action does not exist from here (400) or the actor may not (403).</summary>
public enum Refusal
{
    None,
    NotFromThisStatus,
    NotPermitted,
    GuardFailed,
    NoteMissing,
    NoteTooLong,
}

/// <summary>
/// A transition table and the questions asked of it. Pages ask <see cref="Allowed"/> to show buttons;
/// services ask <see cref="Check"/> before changing anything, so pages and rules cannot drift.
/// </summary>
public sealed class Workflow<TEntity, TStatus, TAction>(
    IReadOnlyList<Transition<TEntity, TStatus, TAction>> table,
    Func<TEntity, TStatus> status,
    Func<TEntity, Actor, bool> isOwner,
    Func<TStatus, string> statusName)
    where TStatus : struct, Enum
    where TAction : struct, Enum
{
    public IReadOnlyList<Transition<TEntity, TStatus, TAction>> Table { get; } = table;

    public string StatusName(TStatus value) => statusName(value);

    /// <summary>
    /// Where <paramref name="action"/> leads from <paramref name="from"/>, for the entity's transition methods. Asking for
    /// an action the table has no row for is a bug (the caller skipped <see cref="Check"/>), not a refusal.
    /// </summary>
    public TStatus To(TStatus from, TAction action) => Row(from, action)?.To
        ?? throw new InvalidOperationException($"“{action}” is not a transition from {from}; ask Check first.");

    public IEnumerable<Transition<TEntity, TStatus, TAction>> Allowed(TEntity entity, Actor actor) =>
        Table.Where(t => EqualityComparer<TStatus>.Default.Equals(t.From, status(entity))
                         && Check(entity, t.Action, actor, t.NeedsNote ? "-" : null).Refusal == Refusal.None);

    public (Transition<TEntity, TStatus, TAction>? Transition, Refusal Refusal, string? Message) Check(
        TEntity entity, TAction action, Actor actor, string? note)
    {
        var current = status(entity);
        var row = Row(current, action);
        if (row is null)
        {
            var label = Table.FirstOrDefault(t => EqualityComparer<TAction>.Default.Equals(t.Action, action))?.Label ?? action.ToString();
            return (null, Refusal.NotFromThisStatus, $"当前状态为“{statusName(current)}”，不能执行“{label}”。");
        }

        if (!actor.IsAny(row.Roles) && !(row.OwnerMay && isOwner(entity, actor)))
        {
            return (null, Refusal.NotPermitted, $"您没有权限执行“{row.Label}”。");
        }

        if (row.Guard?.Invoke(entity) is { } reason)
        {
            return (null, Refusal.GuardFailed, reason);
        }

        if (row.NeedsNote && string.IsNullOrWhiteSpace(note))
        {
            return (null, Refusal.NoteMissing, $"“{row.Label}”需要填写说明。");
        }

        if (note?.Trim().Length > row.MaxNoteLength)
        {
            return (null, Refusal.NoteTooLong, $"“{row.Label}”的说明不能超过 {row.MaxNoteLength} 字（现有 {note.Trim().Length} 字）。");
        }

        return (row, Refusal.None, null);
    }

    private Transition<TEntity, TStatus, TAction>? Row(TStatus from, TAction action) =>
        Table.FirstOrDefault(t => EqualityComparer<TStatus>.Default.Equals(t.From, from)
                                  && EqualityComparer<TAction>.Default.Equals(t.Action, action));
}
