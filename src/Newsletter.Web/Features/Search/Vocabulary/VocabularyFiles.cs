namespace Newsletter.Web.Features.Search.Vocabulary;

/// <summary>The word lists embedded in the assembly (this folder's .txt files), read line by line without comments.</summary>
internal static class VocabularyFiles
{
    public static IEnumerable<string> Lines(string name)
    {
        using var stream = typeof(VocabularyFiles).Assembly.GetManifestResourceStream("Vocabulary." + name)
            ?? throw new InvalidOperationException($"The embedded word list {name} is missing.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                yield return line;
            }
        }
    }
}
