using Lucene.Net.Search.Highlight;

namespace Newsletter.Web.Features.Search;

/// <summary>Escapes only what HTML needs, so Chinese text reaches the browser as characters, not &amp;#…; entities.</summary>
public sealed class MinimalHtmlEncoder : IEncoder
{
    public string EncodeText(string originalText) => Encode(originalText);

    public static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}
