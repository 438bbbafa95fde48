using System.Data.Common;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Newsletter.IntegrationTests.Security;
using Newsletter.Web.Domain;
using Newsletter.IntegrationTests.Features.Admin.Organizations;
using static Newsletter.IntegrationTests.Features.Admin.Organizations.OrganizationPages;

namespace Newsletter.IntegrationTests.Features.Admin;

/// <summary>
/// Two administrators saving the same name at the same moment: both pass the form's check, the database's unique
/// index refuses the second row. The second one sees the form again with a Chinese message, never a 500, and nothing
/// of theirs is saved. The rival administrator is played by an interceptor that inserts the row on its own
/// connection just before the portal's save begins its transaction, after the form's check.
/// </summary>
public sealed class SimultaneousSaveTests : IDisposable
{
    private readonly RivalSave rival = new();
    private readonly PortalFactory portal;

    public SimultaneousSaveTests() =>
        portal = new PortalFactory
        {
            DbInterceptors = [rival],
        };

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task A_new_organisation_whose_name_was_taken_a_moment_ago_gets_the_form_back_with_a_message()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        rival.Next = """INSERT INTO "Organizations" ("Name", "Kind", "IsActive", "SortOrder", "CreatedAt") VALUES ('南宁市计生协', 'City', 1, 0, '2026-11-30 00:00:00')""";

        var response = await admin.CreateAsync(Fields("南宁市计生协", "City", emails: "nn@example.cn", send: "Active"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("单位“南宁市计生协”已存在。", await AdminForms.MainTextAsync(response));
        Assert.Null(rival.Next);
        var saved = await portal.WithDbAsync(db => db.Organizations.Include(o => o.Contacts).Include(o => o.Memberships).SingleAsync());
        Assert.Equal(("南宁市计生协", 0, 0), (saved.Name, saved.Contacts.Count, saved.Memberships.Count));
        Assert.Equal(0, await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "Organization")));
    }

    [Fact]
    public async Task Renaming_to_a_name_taken_a_moment_ago_gets_the_form_back_and_keeps_the_old_name()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var id = await admin.CreateOkAsync(portal, Fields("柳州市计生协", "City", emails: "lz@example.cn"));
        rival.Next = """INSERT INTO "Organizations" ("Name", "Kind", "IsActive", "SortOrder", "CreatedAt") VALUES ('柳州市计划生育协会', 'City', 1, 0, '2026-11-30 00:00:00')""";

        var response = await admin.EditAsync(id, Fields("柳州市计划生育协会", "City", emails: "lz@example.cn\nlz2@example.cn"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("单位“柳州市计划生育协会”已存在。", await AdminForms.MainTextAsync(response));
        var mine = await portal.WithDbAsync(db => db.Organizations.Include(o => o.Contacts).SingleAsync(o => o.Id == id));
        Assert.Equal("柳州市计生协", mine.Name);
        Assert.Equal(["lz@example.cn"], mine.Contacts.Select(c => c.Email));
        Assert.Equal(1, await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "Organization")));
    }

    [Fact]
    public async Task A_word_added_by_someone_else_a_moment_ago_gets_a_message_and_nothing_is_added_twice()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        rival.Next = """INSERT INTO "SensitiveWords" ("Word", "CreatedAt") VALUES ('计生委', '2026-11-30 00:00:00')""";

        var one = await admin.PostFieldsAsync("/admin/words", "/admin/words/add", ("Add.Word", "计生委"), ("Add.Suggestion", ""));

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Contains("“计生委”已在词表中。", await AdminForms.MainTextAsync(one));

        rival.Next = """INSERT INTO "SensitiveWords" ("Word", "CreatedAt") VALUES ('计生协会', '2026-11-30 00:00:00')""";
        var many = await admin.PostFieldsAsync("/admin/words", "/admin/words/bulk", ("Bulk.Lines", "计生办\n计生协会=计划生育协会"));

        Assert.Equal(HttpStatusCode.OK, many.StatusCode);
        Assert.Contains("提交期间别人也添加了其中的词，这次一个也没有添加。请重新提交。", await AdminForms.MainTextAsync(many));
        Assert.Equal(["计生协会", "计生委"], await portal.WithDbAsync(db => db.SensitiveWords.OrderBy(w => w.Word).Select(w => w.Word).ToListAsync()));
        Assert.Equal(0, await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "SensitiveWord")));
    }

    /// <summary>Runs <see cref="Next"/> once, on a connection of its own, when the portal's next transaction is about to begin.</summary>
    private sealed class RivalSave : DbTransactionInterceptor
    {
        public string? Next;

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
            CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref Next, null) is { } sql)
            {
                await using var other = new SqliteConnection(connection.ConnectionString);
                await other.OpenAsync(cancellationToken);
                await using var command = other.CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return result;
        }
    }
}
