using System.Net;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Admin;
using Newsletter.IntegrationTests.Features.Admin.Audit;
using Newsletter.IntegrationTests.Features.Admin.Users;
using Newsletter.IntegrationTests.Features.Admin.Words;
using Newsletter.IntegrationTests.Features.Admin.Dispatches;
using Newsletter.Web.Domain;
using static Newsletter.IntegrationTests.Features.Editorial.RaceSteps;

namespace Newsletter.IntegrationTests.Features.Editorial;

/// <summary>
/// Two people press a button on the same issue or article at the same moment: two chief editors publish one issue, two
/// editors accept one article or place it into two issues, one editor places an article while another submits the issue…
/// The race is forced, not hoped for: when the first request reaches its save, the rival's request (another signed-in
/// user) runs to completion first. The first then gets a 409 page with a Chinese message, and the database shows the
/// rival's change once — one audit entry, one comment, one dispatch, one search-outbox row (every status change of an
/// issue writes one), one placement.
/// </summary>
public sealed class SimultaneousActionTests : IAsyncLifetime
{
    private readonly RivalGoesFirst rival = new();
    private readonly PortalFactory portal;
    private RaceCatalogue races = null!;

    public SimultaneousActionTests() => portal = new PortalFactory { DbInterceptors = [rival] };

    public async Task InitializeAsync()
    {
        races = new RaceCatalogue(portal,
            editorA: await portal.SignedInAsync(Roles.Editor, "editor-a@test.local"),
            editorB: await portal.SignedInAsync(Roles.Editor, "editor-b@test.local"),
            chiefA: await portal.SignedInAsync(Roles.ChiefEditor, "chief-a@test.local"),
            chiefB: await portal.SignedInAsync(Roles.ChiefEditor, "chief-b@test.local"));
        await portal.AddAsync("南宁市计划生育协会", DistributionGroup.Distribute, "nanning@gxjsx.test");
    }

    public Task DisposeAsync()
    {
        portal.Dispose();
        return Task.CompletedTask;
    }

    public static TheoryData<string> Races() =>
    [
        "issue-submit", "issue-return", "issue-approve", "issue-reopen", "issue-publish", "issue-schedule", "issue-unschedule",
        "issue-withdraw", "issue-republish",
        "place-one-article-into-two-issues", "place-while-the-issue-is-submitted", "place-while-the-issue-is-published",
        "remove-twice", "remove-the-last-article-while-the-issue-is-submitted", "move-twice",
        "article-submit", "article-return", "article-accept", "article-reopen", "article-reopen-while-it-is-placed",
        "article-edit", "article-restore", "article-correct", "issue-create-with-the-same-number",
    ];

    [Theory]
    [MemberData(nameof(Races))]
    public async Task The_later_of_two_simultaneous_actions_gets_409_in_chinese_and_only_the_first_takes_effect(string race)
    {
        var test = await races.ArrangeAsync(race);
        var before = await CountsAsync();

        HttpResponseMessage? theirs = null;
        rival.Arm(async () => theirs = await test.Theirs());
        var mine = await test.Mine();

        Assert.NotNull(theirs);
        Assert.Equal(HttpStatusCode.Redirect, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, mine.StatusCode);
        Assert.Contains("别人", await AdminForms.MainTextAsync(mine));

        var after = await CountsAsync();
        Assert.Equal(1, after.Audit.GetValueOrDefault(test.Winner) - before.Audit.GetValueOrDefault(test.Winner));
        if (test.Loser is { } loser)
        {
            Assert.Equal(0, after.Audit.GetValueOrDefault(loser) - before.Audit.GetValueOrDefault(loser));
        }

        Assert.Equal(test.Comments, after.Comments - before.Comments);
        Assert.Equal(test.Outbox, after.Outbox - before.Outbox);
        Assert.Equal(test.Dispatches, after.Dispatches - before.Dispatches);
        Assert.Equal(test.Revisions, after.Revisions - before.Revisions);
        Assert.Equal(test.Corrections, after.Corrections - before.Corrections);
        if (test.Then is { } then)
        {
            await then();
        }
    }

    private Task<Counts> CountsAsync() => portal.WithDbAsync(async db => new Counts(
        await db.AuditEntries.GroupBy(e => e.Action).ToDictionaryAsync(g => g.Key, g => g.Count()),
        await db.ReviewComments.CountAsync(), await db.SearchOutbox.CountAsync(), await db.Dispatches.CountAsync(),
        await db.ArticleRevisions.CountAsync(), await db.Corrections.CountAsync()));

    private sealed record Counts(Dictionary<string, int> Audit, int Comments, int Outbox, int Dispatches, int Revisions, int Corrections);
}
