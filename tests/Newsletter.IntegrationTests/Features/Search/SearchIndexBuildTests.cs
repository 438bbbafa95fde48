using System.Data.Common;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Newsletter.IntegrationTests.Security;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Search;

/// <summary>
/// A node without an index (a fresh data folder, a restore without one) serves its pages at once and builds the
/// index in the background; meanwhile search says so in Chinese (503, Retry-After) and /healthz reports Degraded.
/// The build is held at its first query by an interceptor, so the test sees the in-between state for certain.
/// </summary>
public sealed class SearchIndexBuildTests : IDisposable
{
    private readonly HeldBuild held = new();
    private readonly PortalFactory portal;

    public SearchIndexBuildTests() =>
        portal = new PortalFactory
        {
            WaitForSearchIndex = false,
            DbInterceptors = [held],
        };

    public void Dispose()
    {
        held.Release();
        portal.Dispose();
    }

    [Fact]
    public async Task Pages_are_served_while_the_index_builds_and_search_says_it_is_building()
    {
        var reader = portal.CreateClient();
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        var home = await reader.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("总第65期", await home.Content.ReadAsStringAsync());

        var building = await reader.GetAsync("/search?q=" + Uri.EscapeDataString("托育"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, building.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(10), building.Headers.RetryAfter?.Delta);
        var page = await Html.ParseAsync(await building.Content.ReadAsStringAsync());
        Assert.Contains("检索索引正在建立，暂时不能搜索。", page.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("没有找到", page.QuerySelector("main")!.TextContent);
        Assert.Equal(("Degraded", "检索索引正在建立"), await SearchHealthAsync(reader));
        var admin = await portal.SignedInAsync(Roles.Administrator);
        Assert.Contains("正在建立", (await Html.ParseAsync(await admin.GetStringAsync("/admin/search"))).QuerySelector("main dl")!.TextContent);

        held.Release();
        SearchPage? found = null;
        for (var i = 0; i < 300 && found?.Status != HttpStatusCode.OK; i++)
        {
            await Task.Delay(100);
            found = await SearchPage.GetAsync(reader, "托育");
        }

        Assert.Equal(HttpStatusCode.OK, found!.Status);
        Assert.Equal(2, found.Count);
        Assert.Equal(("Healthy", "检索索引正常"), await SearchHealthAsync(reader));
    }

    private static async Task<(string?, string?)> SearchHealthAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/healthz"));
        var search = json.RootElement.GetProperty("checks").GetProperty("search");
        return (json.RootElement.GetProperty("status").GetString(), search.GetProperty("description").GetString());
    }

    /// <summary>Holds the index build at its first query (the search outbox's last id) until released.</summary>
    private sealed class HeldBuild : DbCommandInterceptor
    {
        private readonly SemaphoreSlim gate = new(0);
        private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int released;

        public Task Reached => reached.Task;

        public void Release()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release(int.MaxValue / 2);
            }
        }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Volatile.Read(ref released) == 0 && command.CommandText.Contains("MAX(", StringComparison.Ordinal)
                && command.CommandText.Contains("\"SearchOutbox\"", StringComparison.Ordinal))
            {
                reached.TrySetResult();
                await gate.WaitAsync(cancellationToken);
            }

            return result;
        }
    }
}
