using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsletter.UnitTests.Features.Editorial.Import;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Editorial.Import;
using Newsletter.Web.Features.Media;
using Newsletter.Web.Infrastructure;

namespace Newsletter.IntegrationTests.Features.Editorial.Import;

/// <summary>
/// A Word issue with photographs, imported through the upload form and through the <c>import</c> verb: each picture
/// becomes a picture of the article it stands in, in place, its 图为… paragraph the caption and not body text, and the
/// article page draws it as a figure with its caption. A Word vector picture (EMF) is left out with a Chinese warning
/// naming the article and the place, and the rest imports. An import that fails after its pictures were stored leaves
/// neither rows nor files.
/// </summary>
public sealed class WordPictureImportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Caption = "图为姚瑛一行在南宁市兴宁区妇幼保健院调研。";
    private const string Before = "姚瑛在座谈讲话中指出";
    private const string After = "调研组实地察看了";
    private const string Emf = "《杜振宗到自治区计生协调研》的第1张图片（正文第1段之后）没有导入：它是 Word 的矢量图（EMF/WMF 格式";

    /// <summary>The seed renumbered, a photo in its second article (姚瑛…) with its caption, an EMF in its first.</summary>
    private static byte[] Docx(int number, int serial, byte[] photo) => PictureDocx.Issue(PictureDocx.Renumbered(number, serial),
        new PicturePlacement(Before, photo, Caption),
        new PicturePlacement("3月14日", PictureDocx.Emf()));

    private Task<(Article Yao, Article Du, List<MediaFile> Media)> ImportedAsync(int serial) => portal.WithDbAsync(async db =>
    {
        var articles = await db.Articles.AsNoTracking().Where(a => a.Issue!.SerialNumber == serial).ToListAsync();
        var ids = articles.Select(a => a.Id).ToList();
        var media = await db.MediaFiles.AsNoTracking().Where(m => ids.Contains(m.ArticleId)).ToListAsync();
        return (articles.Single(a => a.Title.StartsWith("姚瑛", StringComparison.Ordinal)),
            articles.Single(a => a.Title.StartsWith("杜振宗", StringComparison.Ordinal)), media);
    });

    /// <summary>The picture row belongs to the second article, and its body shows it between the paragraphs it stood between.</summary>
    private static MediaFile AssertPlaced(Article yao, Article du, List<MediaFile> media)
    {
        var picture = Assert.Single(media);
        Assert.Equal((yao.Id, MediaKind.Picture, Caption, Caption), (picture.ArticleId, picture.Kind, picture.Caption, picture.Alt));
        var blocks = yao.Body.Split("\n\n");
        var at = Array.IndexOf(blocks, $"![{Caption}](/media/{picture.Id} \"{Caption}\")");
        Assert.True(at > 0, yao.Body);
        Assert.StartsWith(Before, blocks[at - 1], StringComparison.Ordinal);
        Assert.StartsWith(After, blocks[at + 1], StringComparison.Ordinal);
        Assert.DoesNotContain(blocks, b => b.StartsWith("图为", StringComparison.Ordinal));
        Assert.Empty(MediaPaths.ReferencedIn(du.Body));
        Assert.DoesNotContain("\uE000", du.Body, StringComparison.Ordinal);
        return picture;
    }

    private static void AssertFigure(string html)
    {
        var figure = Regex.Match(html, "<figure class=\"article-figure\">.*?</figure>", RegexOptions.Singleline);
        Assert.True(figure.Success, html);
        Assert.Contains($"<figcaption>{Caption}</figcaption>", figure.Value, StringComparison.Ordinal);
        Assert.Contains("width=\"64\" height=\"48\"", figure.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_upload_form_imports_the_picture_into_its_article_in_place_and_warns_of_the_emf()
    {
        var editor = await portal.SignedInAsync(Roles.Editor);

        var response = await ImportPageTests.UploadAsync(editor, Docx(31, 131, PictureDocx.Png(64, 48)), "第31期（有图）.docx");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var compose = await editor.GetStringAsync(response.Headers.Location);
        Assert.Contains(Emf, compose, StringComparison.Ordinal);
        var (yao, du, media) = await ImportedAsync(131);
        var picture = AssertPlaced(yao, du, media);
        Assert.Equal("第31期（有图）-图2.png", picture.OriginalName);
        Assert.NotNull(picture.UploadedById);

        AssertFigure(await editor.GetStringAsync($"/editorial/articles/{yao.Id}"));
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(MediaPaths.Variant(picture.Id, picture.VariantNames[^1], picture.Extension))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Browser().GetAsync(MediaPaths.Variant(picture.Id, picture.VariantNames[^1], picture.Extension))).StatusCode);
    }

    [Fact]
    public async Task The_import_verb_reads_a_word_file_with_its_pictures_and_the_published_page_shows_the_figure()
    {
        var path = Path.Combine(portal.DataPath, "第32期（有图）.docx");
        await File.WriteAllBytesAsync(path, Docx(32, 132, PictureDocx.Png(64, 48)));
        var output = new StringWriter();

        Assert.Equal(0, await ImportCommand.RunAsync(portal.Services, [path, "--publish"], output));

        Assert.Contains("已导入 2023年第32期", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("注意：" + Emf, output.ToString(), StringComparison.Ordinal);
        var (yao, du, media) = await ImportedAsync(132);
        var picture = AssertPlaced(yao, du, media);
        Assert.Equal((null, ImportCommand.Actor.Name), (picture.UploadedById, picture.UploadedByName));

        var reader = portal.Browser();
        AssertFigure(await reader.GetStringAsync($"/articles/{yao.Id}"));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(MediaPaths.Variant(picture.Id, picture.VariantNames[^1], picture.Extension))).StatusCode);
    }

    [Fact]
    public async Task An_import_that_fails_after_storing_its_pictures_leaves_no_rows_and_no_files()
    {
        var photo = PictureDocx.Png(37, 23);
        var folder = portal.Services.GetRequiredService<MediaStore>().FolderOf(MediaStore.Sha256Of(photo));
        var before = await portal.WithDbAsync(async db => (await db.Issues.CountAsync(), await db.MediaFiles.CountAsync(), await db.AuditEntries.CountAsync()));
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            // The database refuses the last save, the one that points the articles' bodies at their stored pictures.
            var db = scope.ServiceProvider.GetRequiredService<Newsletter.Web.Data.NewsletterDbContext>();
            db.SavingChanges += (_, _) =>
            {
                if (db.ChangeTracker.Entries<Article>().Any(e => e.State == EntityState.Modified && e.Property(a => a.Body).IsModified))
                {
                    Assert.True(Directory.Exists(folder)); // the picture was written before the failure
                    throw new DbUpdateException("磁盘已满（测试）");
                }
            };
            var importer = scope.ServiceProvider.GetRequiredService<IssueImporter>();

            await Assert.ThrowsAsync<DbUpdateException>(() => importer.ImportParsedAsync(
                IssueFile.Parse(Docx(33, 133, photo), "第33期.docx"), "第33期.docx", publish: false, ImportCommand.Actor));
        }

        Assert.Equal(before, await portal.WithDbAsync(async db => (await db.Issues.CountAsync(), await db.MediaFiles.CountAsync(), await db.AuditEntries.CountAsync())));
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task A_picture_over_the_media_limit_is_left_out_with_a_warning_and_the_issue_imports()
    {
        using var small = new PortalFactory { Settings = { ["Media:MaxUploadMegabytes"] = "1" } };
        var path = Path.Combine(small.DataPath, "第34期.docx");
        Directory.CreateDirectory(small.DataPath);
        await File.WriteAllBytesAsync(path, PictureDocx.Issue(PictureDocx.Renumbered(34, 134),
            new PicturePlacement(Before, PictureDocx.Png(700, 600, noise: true), Caption)));
        var output = new StringWriter();

        Assert.Equal(0, await ImportCommand.RunAsync(small.Services, [path], output));

        Assert.Matches(@"注意：《姚瑛到广西调研计生协工作》的第1张图片（正文第2段之后）没有导入：文件“第34期-图1\.png”有 1\.\d MB，超过了 1 MB 的上限",
            output.ToString());
        var body = await small.WithDbAsync(db => db.Articles.Where(a => a.Issue!.SerialNumber == 134 && a.Title.StartsWith("姚瑛")).Select(a => a.Body).SingleAsync());
        Assert.Contains("\n\n" + Caption + "\n\n", body, StringComparison.Ordinal); // the caption stays, as text, where the picture was
        Assert.Equal(0, await small.WithDbAsync(db => db.MediaFiles.CountAsync()));
    }

    [Fact]
    public async Task Two_word_files_in_one_run_of_the_verb_both_keep_their_picture_files()
    {
        var store = portal.Services.GetRequiredService<MediaStore>();
        var photos = new[] { PictureDocx.Png(41, 31), PictureDocx.Png(42, 32) };
        var paths = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            paths.Add(Path.Combine(portal.DataPath, $"第{35 + i}期.docx"));
            await File.WriteAllBytesAsync(paths[i], Docx(35 + i, 135 + i, photos[i]));
        }

        Assert.Equal(0, await ImportCommand.RunAsync(portal.Services, [.. paths], new StringWriter()));

        Assert.All(photos, photo => Assert.True(Directory.Exists(store.FolderOf(MediaStore.Sha256Of(photo)))));
        Assert.Equal(2, await portal.WithDbAsync(db => db.MediaFiles.CountAsync(m => m.Article!.Issue!.SerialNumber >= 135 && m.Article.Issue.SerialNumber <= 136)));
    }
}
