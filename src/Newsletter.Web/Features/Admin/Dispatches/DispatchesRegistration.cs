namespace Newsletter.Web.Features.Admin.Dispatches;

public static class DispatchesRegistration
{
    /// <summary>
    /// Sending issues by mail (<c>Mail</c>): over SMTP when <c>Mail:Smtp:Host</c> is set, else into the pickup folder;
    /// the distribution lists and the worker that sends a dispatch in the background (signed, at most <c>Mail:MaxPerMinute</c>);
    /// the bounce mailbox read in the background.
    /// </summary>
    public static IServiceCollection AddDispatches(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IMailSender>(sp => string.IsNullOrWhiteSpace(configuration["Mail:Smtp:Host"])
            ? ActivatorUtilities.CreateInstance<PickupFolderMailSender>(sp)
            : ActivatorUtilities.CreateInstance<SmtpMailSender>(sp));
        services.AddScoped<DistributionLists>();
        services.AddScoped<MailPictures>();
        services.AddScoped<TestMail>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddScoped<DispatchWorker>();
        services.AddHostedService<DispatchWorkerService>();
        services.AddSingleton<SendRateLimiter>();
        services.AddSingleton<DkimSigning>();
        services.AddScoped<BounceRecorder>();
        services.AddScoped<BounceMailbox>();
        services.AddHostedService<BounceMailboxService>();
        return services;
    }
}
