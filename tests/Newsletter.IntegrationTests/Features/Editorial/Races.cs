using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Editorial;

/// <summary>The form posts that <see cref="SimultaneousActionTests"/> races, as people send them.</summary>
public static class RaceSteps
{
    public static Dictionary<string, string> Schedule() => new()
    {
        ["ConfidentialityConfirmed"] = "true", ["ScheduledAt"] = DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-ddTHH:mm"),
    };

    public static Task<HttpResponseMessage> PlaceAsync(HttpClient client, int issueId, int articleId) =>
        Post(client, $"/editorial/issues/{issueId}", $"/editorial/issues/{issueId}/place", ("articleId", articleId), ("sectionId", 6));

    public static Task<HttpResponseMessage> Post(HttpClient client, string page, string action, params (string Name, int Value)[] fields) =>
        client.PostFormAsync(page, action, fields.ToDictionary(f => f.Name, f => f.Value.ToString()));

    public static Task<HttpResponseMessage> Edit(HttpClient client, int id, string form, int version, string title, string body, string? note = null)
    {
        var fields = new Dictionary<string, string> { ["Title"] = title, ["Body"] = body, ["SectionId"] = "1", ["Version"] = version.ToString() };
        if (note is not null)
        {
            fields["note"] = note;
        }

        return client.PostFormAsync($"/editorial/articles/{id}/{form}", $"/editorial/articles/{id}/{form}", fields);
    }

    public static void Redirected(HttpResponseMessage response) => Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
}

/// <summary>
/// One race: <see cref="Mine"/> is sent first and loses, <see cref="Theirs"/> runs to completion while it saves.
/// <see cref="Winner"/> is the audit action recorded exactly once; <see cref="Loser"/>, when different, not at all.
/// </summary>
public sealed record Race(Func<Task<HttpResponseMessage>> Mine, Func<Task<HttpResponseMessage>> Theirs, string Winner, string? Loser = null)
{
    public int Comments { get; init; }

    public int Outbox { get; init; }

    public int Dispatches { get; init; }

    public int Revisions { get; init; }

    public int Corrections { get; init; }

    public Func<Task>? Then { get; init; }
}

/// <summary>When armed, the portal's next save of an issue or article first waits for the rival's whole request.</summary>
public sealed class RivalGoesFirst : SaveChangesInterceptor
{
    private Func<Task>? next;

    public void Arm(Func<Task> rival) => next = rival;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var touches = eventData.Context?.ChangeTracker.Entries().Any(e => e.Entity is Issue or Article && e.State is EntityState.Modified or EntityState.Added) == true;
        if (touches && Interlocked.Exchange(ref next, null) is { } rival)
        {
            // The rival is another person's request: it must not inherit this request's context.
            Task running;
            using (ExecutionContext.SuppressFlow())
            {
                running = Task.Run(rival, cancellationToken);
            }

            await running;
        }

        return result;
    }
}
