using Newsletter.Web.Features.Admin.Organizations;
using Newsletter.Web.Features.Admin.Publication;
using Newsletter.Web.Features.Admin.Search;
using Newsletter.Web.Features.Admin.Sections;
using Newsletter.Web.Features.Admin.Users;

namespace Newsletter.Web.Features.Admin;

public static class AdminRegistration
{
    /// <summary>The administrators' settings pages: organisations and their lists, accounts, sections, the publication, the search's synonyms.</summary>
    public static IServiceCollection AddAdministration(this IServiceCollection services) => services
        .AddOrganizations()
        .AddUsers()
        .AddSectionSettings()
        .AddPublicationSettings()
        .AddScoped<SynonymList>();
}
