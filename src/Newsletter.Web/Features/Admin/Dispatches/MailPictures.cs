using Newsletter.Web.Domain;
using Newsletter.Web.Features.Issues;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Admin.Dispatches;

/// <summary>
/// The lead picture of an article in the issue mail. <see cref="ContentId"/> set: embedded in the message (a members-only
/// issue, whose picture URLs need a sign-in); else <see cref="Src"/> is the picture's public, immutable URL.
/// </summary>
public sealed record MailPicture(string Src, int Width, int Height, string Alt, string ContentType, string? ContentId = null, byte[]? Content = null);

/// <summary>
/// Finds the lead picture (the first picture of its text) of each article of an issue for its mail, as decided in
/// docs/decisions/0008-pictures-in-mail.md: a public issue links its 800 px size by absolute URL; a members-only issue
/// embeds it (CID), so no mail carries a URL that answers 404 to the reader's mail client.
/// </summary>
public sealed class MailPictures(MarkdownRenderer markdown, IssuePictures pictures)
{
    /// <summary>The stored size sent: the mail column is 560 px, so 800 px is sharp on most screens and small to send.</summary>
    public const int SentWidth = 800;

    /// <summary>How wide the picture is drawn (mail clients that ignore CSS take the width attribute as it is).</summary>
    public const int ShownWidth = 560;

    public async Task<Dictionary<int, MailPicture>> LeadPicturesAsync(Issue issue, Domain.Publication publication, string portalUrl, CancellationToken ct)
    {
        var baseUrl = portalUrl.TrimEnd('/');
        var embed = issue.EffectiveVisibility(publication) != IssueVisibility.Public;
        var owned = await pictures.OfAsync(issue.Articles, ct);
        var found = new Dictionary<int, MailPicture>();
        foreach (var article in issue.Articles)
        {
            if (markdown.FirstPicture(article.Body) is not { } lead || !owned.TryGetValue(lead.Picture.Id, out var file) || lead.Picture.Width <= 0)
            {
                continue;
            }

            var picture = lead.Picture;
            var width = Math.Min(ShownWidth, Math.Min(picture.WidthOf(picture.LargestUpTo(SentWidth)), picture.Width));
            var height = (int)Math.Round((double)picture.Height * width / picture.Width);
            var alt = string.IsNullOrWhiteSpace(lead.Alt) ? lead.Caption ?? article.Title : lead.Alt;
            if (!embed)
            {
                found[article.Id] = new MailPicture(baseUrl + picture.UrlOf(picture.LargestUpTo(SentWidth)), width, height, alt, file.ContentType);
            }
            else if (await pictures.ReadAsync(file, SentWidth, ct) is { } bytes)
            {
                var contentId = $"picture-{picture.Id}@newsletter";
                found[article.Id] = new MailPicture("cid:" + contentId, width, height, alt, file.ContentType, contentId, bytes);
            }
        }

        return found;
    }
}
