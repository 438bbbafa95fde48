using Newsletter.Web.Data;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Admin.Audit;

/// <summary>
/// Adds entries to the append-only audit log in the caller's unit of work, so an entry is saved
/// exactly when the change it records is saved.
/// </summary>
public sealed class AuditLog(NewsletterDbContext db, TimeProvider clock)
{
    public AuditEntry Record(Actor actor, string entityType, object entityId, string action,
        string? from = null, string? to = null, string? detail = null)
    {
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = actor.UserId,
            UserName = actor.Name,
            EntityType = entityType,
            EntityId = entityId.ToString() ?? "",
            Action = action,
            FromStatus = from,
            ToStatus = to,
            Detail = detail is { Length: > 2000 } ? detail[..2000] : detail,
            IpAddress = actor.IpAddress,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
