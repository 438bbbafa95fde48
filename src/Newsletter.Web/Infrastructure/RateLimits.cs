using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Newsletter.Web.Infrastructure;

/// <summary>Configuration section <c>RateLimits</c>: requests per minute and client address; 0 switches a limit off.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Sign-in attempts (POST /account/login) per minute from one address.</summary>
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>Searches per minute from one address (a county office shares one address among its staff).</summary>
    public int SearchPerMinute { get; set; } = 120;

    /// <summary>Unsubscribe pages and one-click posts per minute from one address (public, so bounded like sign-in).</summary>
    public int UnsubscribePerMinute { get; set; } = 30;
}

/// <summary>
/// Fixed one-minute windows per client address for sign-in, search and unsubscribe. A refused request gets 429 with
/// <c>Retry-After</c> and the Chinese error page (the status-code page reads <see cref="RetryAfterItem"/>).
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";

    public const string Search = "search";

    public const string Unsubscribe = "unsubscribe";

    public const string RetryAfterItem = "RetryAfterSeconds";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new();
        if (options.SignInPerMinute < 0 || options.SearchPerMinute < 0 || options.UnsubscribePerMinute < 0)
        {
            throw new InvalidOperationException("RateLimits:SignInPerMinute、SearchPerMinute 和 UnsubscribePerMinute 不能小于 0（0 表示不限制）。");
        }

        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                context.HttpContext.Items[RetryAfterItem] = seconds;
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(SignIn, context => PerAddress(context, options.SignInPerMinute));
            limiter.AddPolicy(Search, context => PerAddress(context, options.SearchPerMinute));
            limiter.AddPolicy(Unsubscribe, context => PerAddress(context, options.UnsubscribePerMinute));
        });
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, int perMinute)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return perMinute == 0
            ? RateLimitPartition.GetNoLimiter(address)
            : RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
    }
}
