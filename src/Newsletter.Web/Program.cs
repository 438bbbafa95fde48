using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.WebEncoders;
using Newsletter.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Newsletter.Web.Features.Account;
using Newsletter.Web.Features.Articles;
using Newsletter.Web.Features.Issues;
using Newsletter.Web.Features.Sections;
using Newsletter.Web.Features.Editorial.Articles;
using Newsletter.Web.Features.Editorial.Issues;
using Newsletter.Web.Features.Admin.Search;
using Newsletter.Web.Features.Search;
using Newsletter.Web.Features.Admin.Audit;
using Newsletter.Web.Features.Backup;
using Newsletter.Web.Features.Health;
using Newsletter.Web.Features.Admin.Dispatches;
using Newsletter.Web.Features.Editorial.Import;
using Newsletter.Web.Features.Issues.Pdf;
using Newsletter.Web.Features.Shared;
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

// Kestrel answers a request line over 8 KB with a bare 414 that no page can replace, and a search address grows fast
// (9 bytes per percent-encoded Chinese character): 256 KB takes a 20,000-character query, within the 1 MB Kestrel
// already buffers per connection. The search uses the first 100 characters and says so.
builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestLineSize = 256 * 1024);

builder.Services.AddNewsletterDatabase(builder.Configuration, paths);
builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName);
builder.Services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<MarkdownRenderer>();
builder.Services.AddScoped<IssueImporter>();
builder.Services.AddScoped<SeedIssues>();
builder.Services.AddScoped<ArchiveQueries>();
builder.Services.AddSingleton<SiteHeader>();
builder.Services.AddScoped<AuditLog>();
builder.Services.AddScoped<ArticleService>();
builder.Services.AddScoped<IssueService>();
builder.Services.AddScoped<IssueTransitions>();
builder.Services.AddOptions<PublishingOptions>().BindConfiguration(PublishingOptions.SectionName);
builder.Services.AddHostedService<ScheduledPublisher>();
builder.Services.AddSingleton<ISearchIndex, LuceneSearchIndex>();
builder.Services.AddScoped<SearchIndexer>();
builder.Services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.SectionName);
builder.Services.AddHostedService<SearchIndexerService>();
builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName);
builder.Services.AddSingleton<IMailSender>(sp => string.IsNullOrWhiteSpace(builder.Configuration["Mail:Smtp:Host"])
    ? ActivatorUtilities.CreateInstance<PickupFolderMailSender>(sp)
    : ActivatorUtilities.CreateInstance<SmtpMailSender>(sp));
builder.Services.AddScoped<DistributionLists>();
builder.Services.AddScoped<DispatchWorker>();
builder.Services.AddHostedService<DispatchWorkerService>();
builder.Services.AddOptions<PdfOptions>().BindConfiguration(PdfOptions.SectionName);
builder.Services.AddSingleton<IPdfGenerator, ChromiumPdfGenerator>();
builder.Services.AddScoped<ViewHtmlRenderer>();
builder.Services.AddPortalAccounts();
// Keys in the database: every node on the same database reads the same keys (sign-in cookies, antiforgery tokens).
builder.Services.AddDataProtection().SetApplicationName("Newsletter").PersistKeysToDbContext<NewsletterDbContext>();
builder.Services.AddOptions<ArchiveCacheOptions>().BindConfiguration(ArchiveCacheOptions.SectionName);
var cacheSeconds = builder.Configuration.GetSection(ArchiveCacheOptions.SectionName).Get<ArchiveCacheOptions>()?.Seconds ?? 300;
builder.Services.AddOutputCache(o => o.AddPolicy(ArchiveCachePolicy.Name, new ArchiveCachePolicy(TimeSpan.FromSeconds(Math.Max(1, cacheSeconds)))));
builder.Services.AddResponseCompression(o =>
{
    // Antiforgery tokens are re-encrypted on every response, so compressing over HTTPS leaks nothing (BREACH).
    o.EnableForHttps = true;
    o.Providers.Add<BrotliCompressionProvider>();
    o.Providers.Add<GzipCompressionProvider>();
    o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/atom+xml", "image/svg+xml"]);
});
builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
builder.Services.AddPortalRateLimits(builder.Configuration);
builder.Services.Configure<ForwardedHeadersOptions>(o =>
{
    // Behind a reverse proxy that ends HTTPS: trust its X-Forwarded-For/-Proto (loopback is trusted by default).
    o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    foreach (var proxy in (builder.Configuration["Proxy:KnownProxies"] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
    {
        o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
            ? address
            : throw new InvalidOperationException($"Proxy:KnownProxies 中的“{proxy}”不是 IP 地址。"));
    }
});
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<SearchIndexHealthCheck>("search");
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

if (args is ["import", .. var importArgs])
{
    Console.OutputEncoding = Encoding.UTF8;
    return await ImportCommand.RunAsync(app.Services, importArgs, Console.Out);
}

if (args is ["reindex", ..])
{
    Console.OutputEncoding = Encoding.UTF8;
    // Lucene's write.lock does not keep a second process out on Linux (the writer holds it shared): ask for it exclusively first.
    if (IndexSnapshot.IsInUse(paths.IndexFolder))
    {
        Console.Out.WriteLine(ReindexCommand.InUse);
        return 1;
    }

    return await ReindexCommand.RunAsync(app.Services, Console.Out);
}

if (args is ["backup", .. var backupArgs])
{
    Console.OutputEncoding = Encoding.UTF8;
    return await BackupCommand.RunAsync(app.Services, backupArgs, Console.Out);
}

if (args is ["restore", .. var restoreArgs])
{
    Console.OutputEncoding = Encoding.UTF8;
    return await RestoreCommand.RunAsync(app.Services, restoreArgs, Console.Out);
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
app.UseStaticFiles(new StaticFileOptions
{
    // Pages link assets with ?v=<content hash> (asp-append-version): such a URL never changes its content.
    OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
        context.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=3600",
});
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture("zh-CN"),
    SupportedCultures = [new CultureInfo("zh-CN")],
    SupportedUICultures = [new CultureInfo("zh-CN")],
});
app.UseRouting();
app.UseCookiePolicy(new CookiePolicyOptions
{
    HttpOnly = HttpOnlyPolicy.Always,
    Secure = CookieSecurePolicy.SameAsRequest,
    MinimumSameSitePolicy = SameSiteMode.Lax,
});
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseOutputCache();

app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
app.MapControllers();

await app.RunAsync();
return 0;
