namespace Newsletter.Web.Features.Editorial.Articles;

public static class ArticlesRegistration
{
    /// <summary>The desk's articles and briefs.</summary>
    public static IServiceCollection AddEditorialArticles(this IServiceCollection services) =>
        services.AddScoped<ArticleService>();
}
