using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using Newsletter.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Newsletter.Web.Features.Account;
using Newsletter.Web.Features.Archive;
using Newsletter.Web.Features.Articles;
using Newsletter.Web.Features.Issues;
using Newsletter.Web.Features.Search;
using Newsletter.Web.Features.Audit;
using Newsletter.Web.Features.Backup;
using Newsletter.Web.Features.Health;
using Newsletter.Web.Features.Distribution;
using Newsletter.Web.Features.Import;
using Newsletter.Web.Features.Pdf;
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

builder.Services.AddNewsletterDatabase(builder.Configuration, paths);
builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<MarkdownRenderer>();
builder.Services.AddScoped<IssueImporter>();
builder.Services.AddScoped<ArchiveQueries>();
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
builder.Services.AddDataProtection().SetApplicationName("Newsletter")
    .PersistKeysToFileSystem(new DirectoryInfo(paths.KeysFolder));
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.AddControllersWithViews(o =>
{
    o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
    ChineseModelBinding.Apply(o);
}).AddRazorOptions(o =>
{
    o.ViewLocationFormats.Clear();
    o.ViewLocationFormats.Add("/Features/{1}/{0}.cshtml");
    o.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
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
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/errors/500");
}

app.UseStatusCodePagesWithReExecute("/errors/{0}");
app.UseSerilogRequestLogging();
app.UseStaticFiles();
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture("zh-CN"),
    SupportedCultures = [new CultureInfo("zh-CN")],
    SupportedUICultures = [new CultureInfo("zh-CN")],
});
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
app.MapControllers();

await app.RunAsync();
return 0;
