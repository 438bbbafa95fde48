namespace Newsletter.Web.Features.Unsubscribe;

public static class UnsubscribeRegistration
{
    /// <summary>/unsubscribe/{token}: a recipient stops receiving issue mail (the tokens are made by the mail's code, <c>UnsubscribeTokens</c>).</summary>
    public static IServiceCollection AddUnsubscribe(this IServiceCollection services) => services.AddScoped<Unsubscriber>();
}
