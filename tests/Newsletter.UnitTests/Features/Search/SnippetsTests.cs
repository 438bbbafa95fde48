using Lucene.Net.Analysis;
using Lucene.Net.Util;
using Newsletter.Web.Features.Admin.Search;
using Newsletter.Web.Features.Search;

namespace Newsletter.UnitTests.Features.Search;

/// <summary>
/// A search result's snippet is cut from a bounded window of the body around the match: a body of 1.7 million characters
/// used to be analysed whole for every hit shown (seconds per search and gigabytes of tokens).
/// </summary>
public sealed class SnippetsTests
{
    /// <summary>1.7 million characters in which the sentence occurs once, at 1.5 million.</summary>
    private static string LongBody(string sentence)
    {
        var filler = string.Concat(Enumerable.Repeat("健康家庭好家风，共建共享新生活。", 106_250));
        return filler[..1_500_000] + sentence + filler[1_500_000..];
    }

    [Theory]
    [InlineData("各地开展婴幼儿照护服务。", "婴幼儿照护", "各地开展<mark>婴幼儿照护</mark>服务。")]
    [InlineData("做好ＣＯＶＩＤ-19防控。", "covid", "做好<mark>ＣＯＶＩＤ</mark>-19防控。")] // the analyser ignores case and width
    public void A_match_deep_in_a_long_body_is_found_by_analysing_only_a_window_around_it(string sentence, string query, string marked)
    {
        using var analyzer = new CountingAnalyzer(ChineseQuery.CreateAnalyzer(LuceneVersion.LUCENE_48));
        var phrases = ChineseQuery.Phrases(analyzer, query);
        analyzer.Read = 0;

        var fragment = Snippets.Fragment(analyzer, "body2", LongBody(sentence), phrases);

        Assert.NotNull(fragment);
        Assert.Contains(marked, fragment);
        Assert.StartsWith("…", fragment);
        Assert.EndsWith("…", fragment);
        Assert.True(analyzer.Read <= 20_000, $"The analyser read {analyzer.Read:N0} characters.");
    }

    [Fact]
    public void A_short_body_gives_the_place_where_most_words_occur_together()
    {
        using var analyzer = ChineseQuery.CreateAnalyzer(LuceneVersion.LUCENE_48);
        var text = "托育机构在各地开展工作。" + new string('好', 200) + "。普惠托育服务和婴幼儿照护服务一起推进。";

        var fragment = Snippets.Fragment(analyzer, "body2", text, ChineseQuery.Phrases(analyzer, "托育 照护"));

        Assert.Equal("…普惠<mark>托育</mark>服务和婴幼儿<mark>照护</mark>服务一起推进。", fragment);
    }

    /// <summary>Counts the characters the analyser reads, whatever text it is given.</summary>
    private sealed class CountingAnalyzer(Analyzer inner) : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
    {
        public long Read;

        protected override Analyzer GetWrappedAnalyzer(string fieldName) => inner;

        protected override TextReader WrapReader(string fieldName, TextReader reader) => new CountingReader(reader, this);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private sealed class CountingReader(TextReader reader, CountingAnalyzer owner) : TextReader
        {
            public override int Read(char[] buffer, int index, int count) => Counted(reader.Read(buffer, index, count));

            public override int Read(Span<char> buffer) => Counted(reader.Read(buffer));

            public override int Read()
            {
                var c = reader.Read();
                Counted(c < 0 ? 0 : 1);
                return c;
            }

            public override int Peek() => reader.Peek();

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    reader.Dispose();
                }

                base.Dispose(disposing);
            }

            private int Counted(int n)
            {
                owner.Read += Math.Max(0, n);
                return n;
            }
        }
    }
}
