using Microsoft.AspNetCore.Html;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Editorial.Articles;

public sealed record ArticleListViewModel(string Filter, IReadOnlyList<(string Key, string Label, int Count)> Filters, IReadOnlyList<Article> Articles, bool IsEditor);

public sealed record ArticleEditViewModel(int? Id, ArticleForm Form, IReadOnlyList<Section> Sections, string? Notice = null, MediaPanelViewModel? Media = null);

/// <summary>The editor's 图片和附件 panel: the article's files (none before its first save), and the upload limit to tell.</summary>
public sealed record MediaPanelViewModel(int? ArticleId, IReadOnlyList<MediaFile> Files, int MaxUploadMegabytes)
{
    public IEnumerable<MediaFile> Pictures => Files.Where(f => f.Kind == MediaKind.Picture);

    public IEnumerable<MediaFile> Attachments => Files.Where(f => f.Kind == MediaKind.Attachment);
}

public sealed record ArticleDetailsViewModel(
    Article Article,
    HtmlString BodyHtml,
    IReadOnlyList<Transition<Article, ArticleStatus, ArticleAction>> Actions,
    IReadOnlyList<ReviewComment> Comments,
    bool CanEdit,
    bool CanCorrect,
    IReadOnlyList<MediaFile> Media)
{
    /// <summary>Whether the writer may add or remove files (editing before publication, 更正 after).</summary>
    public bool CanChangeMedia => CanEdit || CanCorrect;
}

public sealed record ArticleConflictViewModel(int Id, ArticleForm Mine, Article Current, IReadOnlyList<Section> Sections, DiffViewModel Diff, string? CorrectionNote);

/// <param name="PictureNames">The original file names of the article's pictures, removed ones too, to say which pictures each revision shows.</param>
public sealed record RevisionListViewModel(Article Article, IReadOnlyList<ArticleRevision> Revisions, bool CanRestore, IReadOnlyDictionary<int, string> PictureNames)
{
    public IReadOnlyList<string> PicturesOf(ArticleRevision revision) =>
        MediaPaths.ReferencedIn(revision.Body).Select(id => PictureNames.TryGetValue(id, out var name) ? name : $"图片 {id}").ToList();
}

public sealed record CorrectViewModel(int Id, ArticleForm Form, IReadOnlyList<Section> Sections, string? Note, MediaPanelViewModel? Media = null);
