using Newsletter.Web.Features.Editorial.Import;

namespace Newsletter.UnitTests.Features.Editorial.Import;

/// <summary>
/// The small issues under Fixtures/rules, each written from one rule of decision 0002's "What other issues have", read as
/// text and as an office-made .docx (<see cref="OfficeDocx"/>), the way every door reads them.
/// </summary>
public static class RuleFixtures
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(
        SeedFiles.Folder, "..", "tests", "Newsletter.UnitTests", "Features", "Editorial", "Import", "Fixtures", "rules", name));

    public static ParsedIssue FromText(string name) => Read(System.Text.Encoding.UTF8.GetBytes(Text(name)), name);

    public static ParsedIssue FromWord(string name) => Read(OfficeDocx.Build(Text(name)), Path.ChangeExtension(name, ".docx"));

    /// <summary>The fixture read both ways, for a theory over the two formats.</summary>
    public static ParsedIssue From(string name, string format) => format == "docx" ? FromWord(name) : FromText(name);

    private static ParsedIssue Read(byte[] bytes, string fileName)
    {
        var result = IssueFile.Parse(bytes, fileName);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Value!;
    }
}
