using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.WebEncoders;
using Newsletter.Web.Data;
using Newsletter.Web.Features.Account;
using Newsletter.Web.Features.Admin;
using Newsletter.Web.Features.Admin.Audit;
using Newsletter.Web.Features.Admin.Dispatches;
using Newsletter.Web.Features.Editorial.Articles;
using Newsletter.Web.Features.Editorial.Import;
using Newsletter.Web.Features.Editorial.Issues;
using Newsletter.Web.Features.Health;
using Newsletter.Web.Features.Issues;
using Newsletter.Web.Features.Issues.Pdf;
using Newsletter.Web.Features.Media;
using Newsletter.Web.Features.Notifications;
using Newsletter.Web.Features.Search;
using Newsletter.Web.Features.Shared;
using Newsletter.Web.Features.Unsubscribe;
using Newsletter.Web.Infrastructure;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
var paths = DataPaths.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddSingleton(paths);
builder.Services.AddSerilog((_, log) => log
    .ReadFrom.Configuration(builder.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture)
    .WriteTo.File(paths.LogFile, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 62,
        formatProvider: CultureInfo.InvariantCulture, encoding: Encoding.UTF8),
    preserveStaticLogger: true); // each host (and test host) keeps its own logger and its own data folder

// Razor would otherwise write every Chinese character as &#x...;
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

// Over 8 KB Kestrel answers a bare 414; 256 KB takes a 20,000-character Chinese query (search uses its first 100).
builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestLineSize = 256 * 1024);

builder.Services.AddNewsletterDatabase(builder.Configuration, paths);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<SiteHeader>(); // the layout's name and marking, shared by every page
builder.Services.AddIssueImport();
builder.Services.AddMedia(builder.Configuration);
builder.Services.AddArchive(builder.Configuration);
builder.Services.AddAudit();
builder.Services.AddEditorialArticles();
builder.Services.AddEditorialIssues();
builder.Services.AddSearch();
builder.Services.AddDispatches(builder.Configuration).AddNotifications();
builder.Services.AddIssuePdf();
builder.Services.AddAdministration().AddUnsubscribe();
builder.Services.AddPortalAccounts();
// Keys in the database: every node on the same database reads the same keys (sign-in cookies, antiforgery tokens).
builder.Services.AddDataProtection().SetApplicationName("Newsletter").PersistKeysToDbContext<NewsletterDbContext>();
builder.Services.AddPortalMiddleware(builder.Configuration).AddPortalRateLimits(builder.Configuration).AddPortalHealthChecks();
builder.Services.AddControllersWithViews(o =>
{
    o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
    o.Filters.Add(new FormLimitsFilter());
    o.Conventions.Add(new HeadAsGetConvention());
    ChineseModelBinding.Apply(o);
}).AddViewOptions(o =>
{
    // No client-side validation library is used; without this a valid form's summary carries <li style="display:none">,
    // an inline style the Content-Security-Policy refuses.
    o.HtmlHelperOptions.ClientValidationEnabled = false;
}).AddRazorOptions(o =>
{
    o.ViewLocationFormats.Clear();
    o.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
    o.ViewLocationExpanders.Add(new FeatureViewLocationExpander());
});

var app = builder.Build();

if (await CliVerbs.TryRunAsync(app, args) is { } exitCode)
{
    return exitCode;
}

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    await scope.ServiceProvider.GetRequiredService<AccountSeeder>().SeedAsync();
    await scope.ServiceProvider.GetRequiredService<SeedIssues>().ImportAsync();
}

app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/errors/500");
    app.UseHsts(); // only on HTTPS requests, never for localhost
}

app.UseSecurityHeaders();
app.UseResponseCompression();
app.UseStatusCodePagesWithReExecute("/errors/{0}");
app.UseSerilogRequestLogging();
app.UseStaticFiles(PortalMiddleware.StaticFiles());
app.UseRequestLocalization(PortalMiddleware.Localization());
app.UseRouting();
app.UseCookiePolicy(PortalMiddleware.CookiePolicy());
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseOutputCache();

app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
app.MapControllers();

await app.RunAsync();
return 0;
