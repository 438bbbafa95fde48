using System.IO.Compression;
using System.Text;
using Newsletter.Web.Features.Media;
using static Newsletter.UnitTests.Features.Media.TestPictures;

namespace Newsletter.UnitTests.Features.Media;

/// <summary>Attachments are PDF, Word, Excel or ZIP, and the content is what the extension says.</summary>
public sealed class AttachmentCheckTests
{
    private static readonly byte[] Pdf = Ascii("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    [Theory]
    [InlineData("通知.pdf", "application/pdf", "PDF 文档")]
    [InlineData("REPORT.PDF", "application/pdf", "PDF 文档")]
    public void Identify_pdf_accepted_extension_case_insensitive(string name, string type, string label)
    {
        var outcome = AttachmentCheck.Identify(Pdf, name);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal((type, ".pdf", label), (outcome.Value!.ContentType, outcome.Value.Extension, outcome.Value.Label));
    }

    [Theory]
    [InlineData("word/document.xml", "方案.docx", ".docx", "Word 文档")]
    [InlineData("xl/workbook.xml", "统计.XLSX", ".xlsx", "Excel 表格")]
    [InlineData("photos/readme.txt", "材料.zip", ".zip", "ZIP 压缩包")]
    [InlineData("setup.exe", "tools.zip", ".zip", "ZIP 压缩包")]
    public void Identify_zip_packages_by_their_entries(string entry, string name, string extension, string label)
    {
        var outcome = AttachmentCheck.Identify(Zip(entry), name);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal((extension, label), (outcome.Value!.Extension, outcome.Value.Label));
    }

    [Fact]
    public void Identify_empty_zip_archive_accepted()
    {
        using var stream = new MemoryStream();
        new ZipArchive(stream, ZipArchiveMode.Create).Dispose();
        Assert.True(stream.ToArray().AsSpan().StartsWith("PK\x05\x06"u8));

        Assert.True(AttachmentCheck.Identify(stream.ToArray(), "empty.zip").Succeeded);
    }

    [Theory]
    [InlineData("WordDocument", "旧稿.doc", ".doc", "Word 文档")]
    [InlineData("Workbook", "旧表.xls", ".xls", "Excel 表格")]
    public void Identify_old_office_files_by_their_stream_names(string stream, string name, string extension, string label)
    {
        var outcome = AttachmentCheck.Identify(Ole(stream), name);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal((extension, label), (outcome.Value!.Extension, outcome.Value.Label));
    }

    [Fact]
    public void Identify_html_named_pdf_refused()
    {
        var outcome = AttachmentCheck.Identify(Ascii("<!DOCTYPE html><html><script>alert(1)</script></html>"), "通知.pdf");

        Assert.False(outcome.Succeeded);
        AssertChinese(outcome.Message, "通知.pdf", ".pdf", "HTML", "扩展名要与内容一致");
    }

    [Theory]
    [InlineData("word/document.xml", "方案.xlsx", "Word 文档")]
    [InlineData("xl/workbook.xml", "统计.docx", "Excel 表格")]
    [InlineData("a.txt", "方案.docx", "ZIP 压缩包")]
    public void Identify_extension_not_matching_content_refused(string entry, string name, string actual)
    {
        var outcome = AttachmentCheck.Identify(Zip(entry), name);

        Assert.False(outcome.Succeeded);
        AssertChinese(outcome.Message, name, actual, "扩展名要与内容一致");
    }

    [Fact]
    public void Identify_pdf_named_docx_refused()
    {
        AssertChinese(AttachmentCheck.Identify(Pdf, "方案.docx").Message, "PDF 文档", ".docx");
    }

    [Theory]
    [InlineData("photo.jpg")]
    [InlineData("page.html")]
    [InlineData("setup.exe")]
    [InlineData("no-extension")]
    public void Identify_other_kinds_refused_naming_the_accepted_ones(string name)
    {
        var outcome = AttachmentCheck.Identify(Pdf, name);

        Assert.False(outcome.Succeeded);
        AssertChinese(outcome.Message, "附件只接受 PDF、Word、Excel 和 ZIP 文件", name);
    }

    [Fact]
    public void Identify_corrupt_zip_refused_without_exception()
    {
        var zip = Zip("word/document.xml");
        var corrupt = zip[..(zip.Length / 2)];

        var outcome = AttachmentCheck.Identify(corrupt, "方案.docx");

        Assert.False(outcome.Succeeded);
        AssertChinese(outcome.Message, "损坏", "方案.docx");
    }

    [Fact]
    public void Identify_zero_bytes_refused()
    {
        AssertChinese(AttachmentCheck.Identify([], "a.pdf").Message, "空的");
    }

    [Fact]
    public void Identify_ole_file_that_is_neither_word_nor_excel_refused()
    {
        AssertChinese(AttachmentCheck.Identify(Ole("PowerPoint Document"), "slides.doc").Message, "不是 Word 文档");
    }

    private static byte[] Zip(string entry)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(archive.CreateEntry(entry).Open());
            writer.Write("<x/>");
        }

        return stream.ToArray();
    }

    /// <summary>A compound-file header and one directory sector naming a stream, as Word 97–2003 and Excel 97–2003 write.</summary>
    private static byte[] Ole(string streamName)
    {
        var file = new byte[1536];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(file, 0);
        Encoding.Unicode.GetBytes("Root Entry").CopyTo(file, 1024);
        Encoding.Unicode.GetBytes(streamName).CopyTo(file, 1024 + 128);
        return file;
    }
}
