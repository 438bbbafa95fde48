using Newsletter.Web.Features.Issues.Pdf;

namespace Newsletter.IntegrationTests.Features.Issues.Pdf;

/// <summary>The ToUnicode maps Chromium writes for Noto CJK name some glyphs by their Kangxi radical; they are mapped back.</summary>
public class PdfTextRepairTests
{
    private const string Map = """
        /CIDInit /ProcSet findresource begin
        12 dict begin
        begincmap
        1 begincodespacerange
        <00> <FF>
        endcodespacerange
        2 beginbfchar
        <78> <2F2F>
        <7E> <5143>
        endbfchar
        1 beginbfrange
        <86> <88> <2F82>
        endbfrange
        endcmap
        CMapName currentdict /CMap defineresource pop
        end
        end
        """;

    [Fact]
    public void Radicals_become_the_ideographs_and_other_mappings_stay()
    {
        var repaired = PdfTextRepair.RepairCMap(Map.Replace("\r\n", "\n"))!;
        Assert.Contains("<78> <5DE5>", repaired); // ⼯ → 工
        Assert.Contains("<7E> <5143>", repaired);
        Assert.Contains("<86> <81E3>", repaired); // the range ⾂⾃⾄ → 臣自至, one mapping each
        Assert.Contains("<87> <81EA>", repaired);
        Assert.Contains("<88> <81F3>", repaired);
        Assert.Contains("5 beginbfchar", repaired);
        Assert.DoesNotContain("beginbfrange", repaired);
        Assert.EndsWith("end\nend", repaired.TrimEnd());
    }

    [Fact]
    public void Supplement_radicals_that_normalization_leaves_alone_become_the_simplified_ideographs()
    {
        var repaired = PdfTextRepair.RepairCMap(Map.Replace("\r\n", "\n").Replace("<2F2F>", "<2EDB>").Replace("<5143>", "<2ED3>"))!;
        Assert.Contains("<78> <98CE>", repaired); // ⻛ → 风
        Assert.Contains("<7E> <957F>", repaired); // ⻓ → 长
    }

    [Fact]
    public void A_map_without_radicals_is_left_alone() =>
        Assert.Null(PdfTextRepair.RepairCMap(Map.Replace("\r\n", "\n").Replace("<2F2F>", "<5DE5>").Replace("<2F82>", "<81E3>")));
}
