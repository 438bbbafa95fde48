namespace Newsletter.Web.Features.Editorial.Issues;

/// <summary>更正 of one line of a published issue, as the form on its compose page posts it.</summary>
public sealed class IssueCorrectionForm
{
    /// <summary>Which line: a key of <see cref="IssueCorrections.Fields"/> (SendTo, DistributeTo …).</summary>
    public string? Field { get; set; }

    /// <summary>The line as it should read; empty removes it.</summary>
    public string? After { get; set; }

    /// <summary>Why, shown to readers with the date.</summary>
    public string? Note { get; set; }
}
