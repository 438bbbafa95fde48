using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Newsletter.Web.Data;

public static class UniqueViolation
{
    /// <summary>
    /// True when a save failed because a unique index refused the row: another request saved the same name between
    /// this one's check and its save. The page then says so in Chinese instead of failing with 500.
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555)
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        // Cannot insert duplicate key row in object with unique index (2601) / violation of UNIQUE KEY constraint (2627)
        SqlException sqlServer => sqlServer.Number is 2601 or 2627,
        _ => false,
    };
}
