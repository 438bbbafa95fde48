namespace Newsletter.Web.Features.Notifications;

public static class NotificationsRegistration
{
    /// <summary>Notifications by e-mail through the portal's mail sender (registered by <c>AddDispatches</c>), sent in the background.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services) => services
        .AddSingleton<MailQueue>()
        .AddHostedService<MailQueueWorker>()
        .AddScoped<Notifier>();
}
