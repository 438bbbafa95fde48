using System.Collections.Concurrent;
using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Newsletter.Web.Infrastructure;
using Newsletter.Web.Features.Shared;
using Newsletter.Web.Features.Search.Vocabulary;

namespace Newsletter.Web.Features.Search;

/// <summary>
/// The Lucene.NET index in the data folder (<c>index/</c>): title, names and body as overlapping character
/// bigrams and as Chinese trigrams (exact-substring matching), and the title also as SmartCn words; see
/// <see cref="ChineseQuery"/>.
/// One writer per process, opened on first use; searches use near-real-time readers refreshed after each
/// commit. The position in the search outbox is stored in the commit itself, so index and position never disagree.
/// </summary>
public sealed class LuceneSearchIndex : ISearchIndex, IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    internal const string PositionKey = "outbox";

    /// <summary>
    /// Commit-data key of the field layout the index was built with. Raise <see cref="Layout"/> whenever fields or
    /// analyzers change: an index of another layout counts as missing and is rebuilt at start.
    /// </summary>
    internal const string LayoutKey = "layout";

    internal const string Layout = "3"; // 2: SmartCn on titles only, bigram and Han-trigram fields; 3: folded (繁体, full-width)

    private readonly Analyzer analyzer = ChineseQuery.CreateAnalyzer(Version);
    private readonly SearchVocabulary vocabulary;
    private readonly StoredHits stored = new();
    private readonly Lazy<(FSDirectory Directory, IndexWriter Writer, SearcherManager Searchers)> open;
    private readonly System.Threading.Lock gate = new();
    private volatile bool searchable;

    public LuceneSearchIndex(DataPaths paths, SearchVocabulary? vocabulary = null)
    {
        this.vocabulary = vocabulary ?? new SearchVocabulary();
        open = new Lazy<(FSDirectory, IndexWriter, SearcherManager)>(() =>
        {
            // Positional file reads without a lock, not FSDirectory.Open's memory maps (see PositionalReadDirectory).
            var directory = new PositionalReadDirectory(new DirectoryInfo(paths.IndexFolder));
            var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                // Fewer, larger flushed segments during a rebuild: less merging afterwards (the default is 16 MB).
                RAMBufferSizeMB = 64,
            });
            searchable = DirectoryReader.IndexExists(directory) && writer.CommitData.ContainsKey(PositionKey)
                && writer.CommitData.TryGetValue(LayoutKey, out var layout) && layout == Layout;
            return (directory, writer, new SearcherManager(writer, true, new SearcherFactory()));
        });
    }

    /// <summary>
    /// True once a commit of this layout is searchable: read from the last commit when the index is opened, then set
    /// by <see cref="Commit"/> after the searchers see it (the writer's commit data changes before the commit is
    /// visible, so it cannot answer this while a build runs).
    /// </summary>
    public bool Exists
    {
        get
        {
            _ = open.Value;
            return searchable;
        }
    }

    public long Position => Writer.CommitData.TryGetValue(PositionKey, out var value) ? long.Parse(value, CultureInfo.InvariantCulture) : 0;

    public int DocumentCount => Writer.NumDocs;

    /// <summary>Characters of stored fields kept for showing hits again (<see cref="StoredHits"/>).</summary>
    internal long HeldCharacters => stored.Characters;

    private IndexWriter Writer => open.Value.Writer;

    public void ReplaceIssues(IReadOnlyDictionary<int, IReadOnlyList<SearchDocument>> issues, long position)
    {
        lock (gate)
        {
            foreach (var (issueId, documents) in issues)
            {
                Writer.DeleteDocuments(new Term("issue", issueId.ToString(CultureInfo.InvariantCulture)));
                Writer.AddDocuments(documents.Select(ToLucene));
            }

            Commit(position);
        }
    }

    public void Rebuild(IEnumerable<SearchDocument> documents, long position)
    {
        lock (gate)
        {
            Writer.DeleteAll();
            // SmartCn and the bigram analyzer are CPU-bound and IndexWriter is thread-safe: one indexing thread per
            // core. NoBuffering: the documents are taken one at a time, so a streamed source stays streamed.
            Parallel.ForEach(Partitioner.Create(documents, EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                document => Writer.AddDocument(ToLucene(document)));

            Commit(position);
        }
    }

    private void Commit(long position)
    {
        Writer.SetCommitData(new Dictionary<string, string> { [PositionKey] = position.ToString(CultureInfo.InvariantCulture), [LayoutKey] = Layout });
        Writer.Commit();
        open.Value.Searchers.MaybeRefreshBlocking();
        searchable = true;
    }

    public SearchResults Search(SearchRequest request)
    {
        var text = (request.Query ?? "").Trim();
        if (text.Length > SearchBox.MaxLength)
        {
            text = text[..SearchBox.MaxLength];
        }

        var terms = QueryTerms.Understand(analyzer, vocabulary.Current, text);
        if (ChineseQuery.Build(analyzer, terms) is not { } words)
        {
            return SearchResults.Empty;
        }

        var marks = ChineseQuery.Marks(terms);
        var results = Run(request, words, marks);
        if (results.Total == 0 && ChineseQuery.BuildAny(analyzer, terms) is { } any)
        {
            // Never a silent empty page when the words occur, only not together: the best partial matches, labelled.
            results = Run(request, any, marks) with { Partial = true };
        }

        var suggestion = results.Total == 0 || results.Partial ? Suggest(request, terms) : null;
        return results with { Words = terms, Suggestion = suggestion };
    }

    private SearchResults Run(SearchRequest request, Query words, List<(string Form, int Word)> marks)
    {
        var query = new BooleanQuery { { words, Occur.MUST } };
        if (!request.SignedIn)
        {
            query.Add(new TermQuery(new Term("public", "1")), Occur.MUST);
        }

        AddFilter(query, "section", request.SectionId?.ToString(CultureInfo.InvariantCulture));
        AddFilter(query, "year", request.Year?.ToString(CultureInfo.InvariantCulture));
        AddFilter(query, "org", string.IsNullOrWhiteSpace(request.Organization) ? null : request.Organization.Trim());
        AddFilter(query, "issue", request.IssueId?.ToString(CultureInfo.InvariantCulture));
        if (request.From is not null || request.To is not null)
        {
            query.Add(NumericRangeQuery.NewInt32Range("day", request.From?.DayNumber, request.To?.DayNumber, true, true), Occur.MUST);
        }

        var searchers = open.Value.Searchers;
        var searcher = searchers.Acquire();
        try
        {
            var wanted = Math.Max(1, request.Page) * SearchRequest.PageSize;
            var top = request.Sort == SearchSort.Date
                ? searcher.Search(query, wanted, new Sort(new SortField("date", SortFieldType.INT64, true), SortField.FIELD_SCORE))
                : searcher.Search(query, wanted);
            var hits = top.ScoreDocs.Skip((Math.Max(1, request.Page) - 1) * SearchRequest.PageSize)
                .Select(d => ToHit(stored.Get(searcher, d.Doc), marks))
                .ToList();
            return new SearchResults(top.TotalHits, hits);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>
    /// The query with the first word that occurs nowhere replaced by a near word (<see cref="NearWords"/>), if that query
    /// finds something with the same filters; else null.
    /// </summary>
    private string? Suggest(SearchRequest request, IReadOnlyList<QueryWord> terms)
    {
        var searchers = open.Value.Searchers;
        var searcher = searchers.Acquire();
        try
        {
            foreach (var part in QueryTerms.AllParts(terms))
            {
                if (ChineseQuery.PartClause(analyzer, part) is not { } clause || searcher.Search(clause, 1).TotalHits > 0
                    || NearWords.Find(searcher.IndexReader, part.Text) is not { } near)
                {
                    continue;
                }

                var suggestion = string.Join(" ", terms.Select(w => w.Text.Replace(part.Text, near, StringComparison.Ordinal)));
                var words = QueryTerms.Understand(analyzer, vocabulary.Current, suggestion);
                if (ChineseQuery.Build(analyzer, words) is { } query && Run(request with { Page = 1 }, query, []).Total > 0)
                {
                    return suggestion;
                }
            }

            return null;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private static void AddFilter(BooleanQuery query, string field, string? value)
    {
        if (value is not null)
        {
            query.Add(new TermQuery(new Term(field, value)), Occur.MUST);
        }
    }

    private static SearchHit ToHit(StoredHit doc, List<(string Form, int Word)> marks)
    {
        // The n-gram fields are what matched, so the words as substrings of the stored text are what to mark. (Lucene's
        // Highlighter, once asked about titles without such a substring, cost a tenth of an uncached search: issue 19.)
        var titleHtml = Snippets.MarkAll(doc.Title, marks) ?? MinimalHtmlEncoder.Encode(doc.Title);
        var snippet = Snippets.Fragment(doc.Body, marks)
                      ?? MinimalHtmlEncoder.Encode(doc.Body.Length > 100 ? doc.Body[..100] + "…" : doc.Body);
        return new SearchHit(doc.ArticleId, titleHtml, snippet, doc.Label, doc.SectionName, doc.Organization) { IssueUrl = doc.IssueUrl };
    }

    private static Document ToLucene(SearchDocument d)
    {
        var names = string.Join(" ", new[] { d.Organization, d.Correspondents, d.Author }
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .SelectMany(n => new[] { n!, n!.Replace(" ", "", StringComparison.Ordinal) })
            .Select(TextFolding.Fold));
        var (title, body) = (TextFolding.Fold(d.Title), TextFolding.Fold(d.Body));
        var doc = new Document
        {
            new StringField("id", d.ArticleId.ToString(CultureInfo.InvariantCulture), Field.Store.YES),
            new StringField("issue", d.IssueId.ToString(CultureInfo.InvariantCulture), Field.Store.YES),
            // Indexed folded (繁体 → 简体, full-width → half-width), as queries are; stored as written.
            new TextField("title", title, Field.Store.NO),
            new StoredField("title", d.Title),
            new StoredField("body", d.Body),
            new TextField("title2", title, Field.Store.NO),
            new TextField("names2", names, Field.Store.NO),
            new TextField("body2", body, Field.Store.NO),
            new TextField("title3", title, Field.Store.NO),
            new TextField("names3", names, Field.Store.NO),
            new TextField("body3", body, Field.Store.NO),
            new StringField("section", d.SectionId.ToString(CultureInfo.InvariantCulture), Field.Store.NO),
            new StoredField("sectionName", d.SectionName),
            new StringField("year", d.Year.ToString(CultureInfo.InvariantCulture), Field.Store.NO),
            new StoredField("label", d.IssueLabel),
            new StoredField("issueUrl", d.IssueUrl),
            new Int32Field("day", (int)(d.DateKey / 100_000), Field.Store.NO),
            new StringField("public", d.IsPublic ? "1" : "0", Field.Store.NO),
            new NumericDocValuesField("date", d.DateKey),
        };
        if (!string.IsNullOrWhiteSpace(d.Organization))
        {
            doc.Add(new StringField("org", d.Organization, Field.Store.YES));
        }

        return doc;
    }

    public void Dispose()
    {
        if (open.IsValueCreated)
        {
            open.Value.Searchers.Dispose();
            open.Value.Writer.Dispose();
            open.Value.Directory.Dispose();
        }

        analyzer.Dispose();
    }
}
