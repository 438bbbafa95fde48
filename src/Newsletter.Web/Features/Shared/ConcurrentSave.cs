using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Shared;

/// <summary>
/// Saving where someone else may have acted a moment earlier: two people publishing one issue, accepting one article,
/// placing it into two issues. The second save finds the row's <c>Version</c> changed (or a unique index taken); the
/// whole save is rolled back and the person gets a Chinese message instead of a 500.
/// </summary>
public static class ConcurrentSave
{
    /// <summary>True when the save lost a race: the row changed since it was read, or a unique index refused a row.</summary>
    public static bool IsLostRace(this DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException || exception.IsUniqueViolation();

    /// <summary>Saves the unit of work; a lost race leaves nothing behind (the context is cleared) and becomes a conflict.</summary>
    public static async Task<Outcome> SaveOrConflictAsync(this NewsletterDbContext db, string conflictMessage)
    {
        try
        {
            await db.SaveChangesAsync();
            return Outcome.Done;
        }
        catch (DbUpdateException ex) when (ex.IsLostRace())
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict(conflictMessage);
        }
    }
}
