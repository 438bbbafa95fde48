using Newsletter.Web.Domain;
using Newsletter.Web.Features.Media;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// Stores the pictures of an imported Word issue as pictures of the articles they stand in, once those have their ids,
/// through <see cref="MediaService"/> (the same checks and processing as an upload), and gives each article's body with
/// <c>![alt](/media/{id} "图注")</c> where each picture stood. A picture that cannot be stored (a Word vector picture,
/// a linked one, one the processor refuses) is left out with a warning naming the article and its place; the rest imports.
/// </summary>
public sealed class PictureImport(MediaService media, MediaStore store)
{
    /// <summary>The media folders this import wrote that had not existed: freed if the import then fails.</summary>
    private readonly List<string> created = [];

    public async Task<string> PlaceAsync(
        ParsedArticle item, Article article, IReadOnlyList<WordPicture> pictures, string sourceFile, Actor actor, List<string> warnings)
    {
        var markdown = new Dictionary<int, string>();
        var order = 0;
        foreach (var number in item.PictureNumbers)
        {
            order++;
            var picture = pictures.FirstOrDefault(p => p.Number == number);
            var problem = picture?.Problem ?? (picture?.Content is null ? "在 Word 文件里找不到它的内容" : null);
            if (problem is null)
            {
                item.Captions.TryGetValue(number, out var caption);
                var name = $"{Path.GetFileNameWithoutExtension(sourceFile)}-图{number}{Path.GetExtension(picture!.FileName)}";
                var sha = MediaStore.Sha256Of(picture.Content!);
                var existed = Directory.Exists(store.FolderOf(sha));
                var stored = await media.AddAsync(article.Id, MediaKind.Picture, new Upload(name, picture.Content!, caption, picture.Alt ?? caption), actor);
                if (stored.Value is { } file)
                {
                    markdown[number] = file.Markdown;
                    if (!existed)
                    {
                        created.Add(sha);
                    }

                    continue;
                }

                problem = string.Join(" ", stored.Errors);
            }

            warnings.Add($"《{item.Title}》的第{order}张图片（{Where(item, number)}）没有导入：{problem.TrimEnd('。')}。"
                         + "请把它存为 JPEG 或 PNG 图片（过大的先压缩），到稿件编辑页上传后放回原处。");
        }

        return item.BodyWith(n => markdown.GetValueOrDefault(n));
    }

    /// <summary>
    /// Stores the printed PDF an issue was read from (its 原版 PDF) as <c>media/ab/abcd…/file.pdf</c>, once per content,
    /// and gives its SHA-256; freed with the pictures if the import then fails.
    /// </summary>
    public async Task<string> StoreOriginalPdfAsync(byte[] pdf, CancellationToken ct)
    {
        var sha = MediaStore.Sha256Of(pdf);
        if (store.Has(sha, [MediaStore.AttachmentName], ".pdf"))
        {
            return sha;
        }

        var existed = Directory.Exists(store.FolderOf(sha));
        await store.WriteAsync(sha, MediaStore.AttachmentName, ".pdf", pdf, ct);
        if (!existed)
        {
            created.Add(sha);
        }

        return sha;
    }

    /// <summary>The import was committed: its folders are the rows' now.</summary>
    public void Kept() => created.Clear();

    /// <summary>After a failed import: the folders it wrote go too (best effort; what stays is reported by <c>media verify</c>).</summary>
    public void Forget()
    {
        foreach (var sha in created)
        {
            try
            {
                store.Delete(sha);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        created.Clear();
    }

    /// <summary>"正文第3段之后" (counting paragraphs of text, not pictures) or "正文开头".</summary>
    private static string Where(ParsedArticle item, int number)
    {
        var before = item.Paragraphs.TakeWhile(p => !(PictureMark.TryRead(p, out var n) && n == number)).Count(p => !PictureMark.IsMark(p));
        return before == 0 ? "正文开头" : $"正文第{before}段之后";
    }
}
