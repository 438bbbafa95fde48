using Newsletter.Web.Features.Search.Vocabulary;

namespace Newsletter.Web.Features.Search;

public static class SearchRegistration
{
    /// <summary>This node's Lucene index and the service that keeps it in step with the database (<c>Search</c>).</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddSingleton<SearchVocabulary>();
        services.AddSingleton<SearchFilters>();
        services.AddSingleton<ISearchIndex, LuceneSearchIndex>();
        services.AddScoped<SearchIndexer>();
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.SectionName).ValidateOnStart();
        services.AddHostedService<SearchIndexerService>();
        return services;
    }
}
