using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Newsletter.Web.Features.Editorial.Articles;

/// <summary>A side-by-side diff, line by line and, inside changed lines, character by character (Chinese has no spaces).</summary>
public sealed record DiffViewModel(string LeftTitle, string RightTitle, SideBySideDiffModel Model)
{
    public bool HasChanges => Model.NewText.HasDifferences || Model.OldText.HasDifferences;
}

public static class TextDiff
{
    private static readonly SideBySideDiffBuilder Builder = new(Differ.Instance, LineChunker.Instance, CharacterChunker.Instance);

    public static DiffViewModel Build(string leftTitle, string left, string rightTitle, string right) =>
        new(leftTitle, rightTitle, Builder.BuildDiffModel(Normalize(left), Normalize(right)));

    private static string Normalize(string text) => text.Replace("\r\n", "\n");
}
