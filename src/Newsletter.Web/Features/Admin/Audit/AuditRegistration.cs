namespace Newsletter.Web.Features.Admin.Audit;

public static class AuditRegistration
{
    /// <summary>The audit log every change writes to.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddScoped<AuditLog>();
}
