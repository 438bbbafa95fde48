using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Newsletter.Web.Features.Search;

/// <summary>The stored fields a hit is shown with.</summary>
internal sealed record StoredHit(int ArticleId, string Title, string Body, string Label, string SectionName, string? Organization, string IssueUrl)
{
    /// <summary>Characters held, for the bound of <see cref="StoredHits"/>.</summary>
    public int Size => Title.Length + Body.Length + Label.Length + SectionName.Length + (Organization?.Length ?? 0) + IssueUrl.Length;

    public static StoredHit From(Document doc) => new(
        int.Parse(doc.Get("id"), CultureInfo.InvariantCulture), doc.Get("title"), doc.Get("body"), doc.Get("label"),
        doc.Get("sectionName"), doc.Get("org"), doc.Get("issueUrl") ?? "");
}

/// <summary>
/// The stored fields of documents already shown as hits, kept per index segment. Reading a hit's stored fields decompresses
/// its chunk of Lucene's stored-fields file (LZ4, byte by byte in Lucene.NET): about half of an uncached search's CPU in
/// issue 19's second profile, for ten hits a page. A segment never changes (an update deletes the document and adds it to a
/// new segment), so a segment's document number names the same stored fields for the segment's life; entries of merged
/// segments go with them (the table holds segments weakly). Bounded by <see cref="MaxCharacters"/>: past it, everything
/// is forgotten at once and filled again by the next searches.
/// </summary>
internal sealed class StoredHits
{
    /// <summary>About 16 MB of text: the whole of a real archive (≈ 15 articles a month), the most-shown part of a huge one.</summary>
    public const long MaxCharacters = 8_000_000;

    private readonly ConditionalWeakTable<object, ConcurrentDictionary<int, StoredHit>> segments = [];
    private long characters;

    /// <summary>Characters held now (for tests of the bound).</summary>
    public long Characters => Interlocked.Read(ref characters);

    /// <summary>The stored fields of the searcher's document <paramref name="doc"/>.</summary>
    public StoredHit Get(IndexSearcher searcher, int doc)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var local = doc - leaf.DocBase;
        var held = segments.GetValue(leaf.Reader.CoreCacheKey, _ => new ConcurrentDictionary<int, StoredHit>());
        if (held.TryGetValue(local, out var hit))
        {
            return hit;
        }

        hit = StoredHit.From(leaf.Reader.Document(local));
        if (Interlocked.Add(ref characters, hit.Size) > MaxCharacters)
        {
            segments.Clear();
            Interlocked.Exchange(ref characters, hit.Size);
            held = segments.GetValue(leaf.Reader.CoreCacheKey, _ => new ConcurrentDictionary<int, StoredHit>());
        }

        if (held.TryAdd(local, hit))
        {
            return hit;
        }

        Interlocked.Add(ref characters, -hit.Size); // another search read it meanwhile
        return held[local];
    }
}
