using Newsletter.Web.Features.Editorial.Import;

namespace Newsletter.UnitTests.Features.Editorial.Import;

/// <summary>The importer on the real issue 总第65期 as its text seed (seeds/*.txt), fact by fact.</summary>
public class SeedIssueImportTests() : Issue65Facts(Seed)
{
    private static readonly ParsedIssue Seed = Read(SeedFiles.Issue65Bytes, Path.GetFileName(SeedFiles.Issue65Path));
}
