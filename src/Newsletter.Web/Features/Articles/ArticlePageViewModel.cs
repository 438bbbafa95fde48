using Microsoft.AspNetCore.Html;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Articles;

public sealed record ArticlePageViewModel(
    Article Article, Issue Issue, Publication Publication, HtmlString BodyHtml, Article? Previous, Article? Next,
    IReadOnlyList<MediaFile> Attachments);
