using Microsoft.AspNetCore.Html;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Editorial.Articles;

public sealed record ArticleListViewModel(string Filter, IReadOnlyList<(string Key, string Label, int Count)> Filters, IReadOnlyList<Article> Articles, bool IsEditor);

public sealed record ArticleEditViewModel(int? Id, ArticleForm Form, IReadOnlyList<Section> Sections, string? Notice = null);

public sealed record ArticleDetailsViewModel(
    Article Article,
    HtmlString BodyHtml,
    IReadOnlyList<Transition<Article, ArticleStatus, ArticleAction>> Actions,
    IReadOnlyList<ReviewComment> Comments,
    bool CanEdit,
    bool CanCorrect);

public sealed record ArticleConflictViewModel(int Id, ArticleForm Mine, Article Current, IReadOnlyList<Section> Sections, DiffViewModel Diff, string? CorrectionNote);

public sealed record RevisionListViewModel(Article Article, IReadOnlyList<ArticleRevision> Revisions, bool CanRestore);

public sealed record CorrectViewModel(int Id, ArticleForm Form, IReadOnlyList<Section> Sections, string? Note);
