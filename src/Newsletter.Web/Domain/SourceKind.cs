namespace Newsletter.Web.Domain;

/// <summary>How an article names where it came from.</summary>
public enum SourceKind
{
    /// <summary>（摘自 2022-12-08 中国计生协官网）: a reprint, with its date.</summary>
    Excerpt = 1,

    /// <summary>（本文来源：中国计生协）.</summary>
    Origin = 2,
}
