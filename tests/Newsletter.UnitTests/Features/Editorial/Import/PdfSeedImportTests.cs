using Newsletter.Web.Features.Editorial.Import;

namespace Newsletter.UnitTests.Features.Editorial.Import;

/// <summary>
/// 总第65期 from the PDF LibreOffice printed of the office's .docx (Fixtures/issue-65.libreoffice.pdf; how it was made:
/// Fixtures/README.md): running heads, "— 3 —" page numbers and the masthead's rule gone, paragraphs cut by page breaks
/// joined, and then every fact the text seed gives.
/// </summary>
public class PdfSeedImportTests() : Issue65Facts(Pdf)
{
    private static readonly ParsedIssue Pdf = Read(PdfImportTests.Fixture("issue-65.libreoffice.pdf"), "工作通讯2023年第2期.pdf");

    [Fact]
    public void Every_item_matches_the_text_seed_field_by_field()
    {
        AssertSameItemsAsTheTextSeed();
    }
}

/// <summary>总第65期 from the .docx an office typed (direct formatting, no heading styles: <see cref="OfficeDocx"/>).</summary>
public class OfficeDocxImportTests() : Issue65Facts(Docx)
{
    private static readonly ParsedIssue Docx = Read(OfficeDocx.Build(SeedFiles.Issue65Text), "工作通讯2023年第2期.docx");

    [Fact]
    public void Every_item_matches_the_text_seed_field_by_field()
    {
        AssertSameItemsAsTheTextSeed();
    }
}
