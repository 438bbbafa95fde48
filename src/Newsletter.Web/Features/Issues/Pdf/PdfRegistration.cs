namespace Newsletter.Web.Features.Issues.Pdf;

public static class PdfRegistration
{
    /// <summary>An issue as PDF, printed by Chromium from the print view (<c>Pdf</c>).</summary>
    public static IServiceCollection AddIssuePdf(this IServiceCollection services)
    {
        services.AddOptions<PdfOptions>().BindConfiguration(PdfOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IPdfGenerator, ChromiumPdfGenerator>();
        services.AddScoped<ViewHtmlRenderer>();
        services.AddScoped<IssuePrinter>();
        return services;
    }
}
