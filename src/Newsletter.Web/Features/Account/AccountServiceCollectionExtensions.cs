using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Newsletter.Web.Data;

namespace Newsletter.Web.Features.Account;

public static class AccountServiceCollectionExtensions
{
    /// <summary>
    /// ASP.NET Core Identity in the portal's database: Chinese messages, passwords of 10+ characters
    /// mixing three kinds, lockout after 5 failures for 15 minutes, idle sign-out (<c>Auth:IdleTimeoutMinutes</c>),
    /// a cookie that dies at once when its account's security stamp changes (<see cref="SessionStampValidator"/>),
    /// mailed reset (<c>Auth:ResetLinkMinutes</c>) and activation (<c>Auth:ActivationLinkHours</c>) links, sign-in audit,
    /// and the redirect to 修改密码 while a generated password is still in use (<see cref="PasswordChangeDueFilter"/>).
    /// Every controller says who may use it ([Authorize] or [AllowAnonymous]); a test enforces that.
    /// </summary>
    public static IServiceCollection AddPortalAccounts(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName)
            .Validate(o => o.IdleTimeoutMinutes is >= 1 and <= 1440, "Auth:IdleTimeoutMinutes 应在 1 到 1440 之间。")
            .Validate(o => o.ResetLinkMinutes is >= 5 and <= 1440, "Auth:ResetLinkMinutes 应在 5 到 1440 之间。")
            .Validate(o => o.ActivationLinkHours is >= 1 and <= 720, "Auth:ActivationLinkHours 应在 1 到 720 之间。")
            .ValidateOnStart();

        services.AddIdentity<ApplicationUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<NewsletterDbContext>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<PasswordKindsValidator>()
            .AddClaimsPrincipalFactory<DisplayNameClaimsFactory>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<ActivationTokenProvider>(ActivationTokenProvider.ProviderName);
        // The reset link's lifespan (Identity's default token provider) and the activation link's, from Auth.
        services.AddOptions<DataProtectionTokenProviderOptions>()
            .Configure<IOptions<AuthOptions>>((o, auth) => o.TokenLifespan = TimeSpan.FromMinutes(auth.Value.ResetLinkMinutes));
        services.AddOptions<ActivationTokenProviderOptions>()
            .Configure<IOptions<AuthOptions>>((o, auth) => o.TokenLifespan = TimeSpan.FromHours(auth.Value.ActivationLinkHours));

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "newsletter.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<AuthOptions>>((o, auth) => o.ExpireTimeSpan = TimeSpan.FromMinutes(auth.Value.IdleTimeoutMinutes));
        // Roles in the cookie are refreshed every minute; the stamp itself is checked on every request.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, SessionStampValidator>());
        services.AddScoped<SignInCheck>();
        services.AddHttpContextAccessor();
        services.AddScoped<AccountAudit>();
        services.AddScoped<AccountMail>();
        services.AddScoped<PasswordLinks>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new PasswordChangeDueFilter()));

        services.AddScoped<AccountSeeder>();
        return services;
    }
}
