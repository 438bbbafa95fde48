namespace Newsletter.Web.Features.Editorial.Issues;

public static class IssuesRegistration
{
    /// <summary>The desk's issues: editing, the workflow's transitions and the scheduled publisher (<c>Publishing</c>).</summary>
    public static IServiceCollection AddEditorialIssues(this IServiceCollection services)
    {
        services.AddScoped<IssueService>();
        services.AddScoped<IssueTransitions>();
        services.AddScoped<IssueCorrections>();
        services.AddOptions<PublishingOptions>().BindConfiguration(PublishingOptions.SectionName).ValidateOnStart();
        services.AddHostedService<ScheduledPublisher>();
        return services;
    }
}
