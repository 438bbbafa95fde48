using Microsoft.Extensions.Options;

namespace Newsletter.Web.Features.Editorial.Issues;

/// <summary>Configuration section <c>Publishing</c>.</summary>
public sealed class PublishingOptions
{
    public const string SectionName = "Publishing";

    /// <summary>How often the scheduler looks for issues due to be published.</summary>
    public int PollSeconds { get; set; } = 30;
}

/// <summary>
/// Publishes 定时发布 issues when their time comes. The schedule lives in the database, so a restart
/// loses nothing: the first pass after start publishes whatever fell due while the portal was down.
/// </summary>
public sealed class ScheduledPublisher(IServiceScopeFactory scopes, IOptions<PublishingOptions> options, TimeProvider clock, ILogger<ScheduledPublisher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var published = await scope.ServiceProvider.GetRequiredService<IssueTransitions>().PublishDueAsync(stoppingToken);
                if (published > 0)
                {
                    logger.LogInformation("Published {Count} scheduled issue(s)", published);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Scheduled publishing failed; will retry");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
