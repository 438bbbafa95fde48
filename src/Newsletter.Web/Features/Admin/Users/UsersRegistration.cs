namespace Newsletter.Web.Features.Admin.Users;

public static class UsersRegistration
{
    /// <summary>用户管理: the accounts and their access (停用、启用、重置密码).</summary>
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddScoped<UserAccess>();
        services.AddScoped<UserAccounts>();
        services.AddScoped<OrganizationChoices>();
        services.AddScoped<Import.UserImportService>();
        return services;
    }
}
