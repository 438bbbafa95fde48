namespace Newsletter.Web.Features.Admin.Organizations;

public static class OrganizationsRegistration
{
    /// <summary>单位与发送名单: the organisations and their CSV export and import.</summary>
    public static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        services.AddScoped<OrganizationService>();
        services.AddScoped<OrganizationCsvService>();
        services.AddScoped<My.MemberContacts>(); // 本单位: a 会员单位 keeps its own addresses
        services.AddScoped<ContactSubscriptions>();
        services.AddScoped<DeliveryHistory>();
        return services;
    }
}
