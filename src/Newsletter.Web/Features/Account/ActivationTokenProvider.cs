using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Newsletter.Web.Features.Account;

/// <summary>
/// The activation link's token: Identity's data-protection token under its own name (a reset token cannot pass as
/// one) and its own lifespan, <c>Auth:ActivationTokenHours</c> (48 by default) rather than the reset link's 30 minutes.
/// </summary>
public sealed class ActivationTokenProvider(
    IDataProtectionProvider protection, IOptions<ActivationTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<ApplicationUser>> logger)
    : DataProtectorTokenProvider<ApplicationUser>(protection, options, logger)
{
    public const string ProviderName = "Activation";

    public const string Purpose = "Activate";
}

/// <summary>Options of <see cref="ActivationTokenProvider"/>: a separate protector name and lifespan.</summary>
public sealed class ActivationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public ActivationTokenProviderOptions() => Name = "ActivationTokenProvider";
}
