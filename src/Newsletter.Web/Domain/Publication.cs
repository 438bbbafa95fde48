namespace Newsletter.Web.Domain;

/// <summary>The newsletter itself (刊物): one row of settings that every issue inherits.</summary>
public class Publication
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>刊名, e.g. 工作通讯.</summary>
    public string Name { get; set; } = "工作通讯";

    /// <summary>编印单位, printed under the masthead and in the footer.</summary>
    public string IssuingBody { get; set; } = "广西壮族自治区计划生育协会";

    /// <summary>Whether issues are open to everyone unless an issue says otherwise.</summary>
    public IssueVisibility DefaultVisibility { get; set; } = IssueVisibility.Public;

    /// <summary>准印证号, printed when set.</summary>
    public string? PrintPermitNumber { get; set; }

    /// <summary>Print the marking <see cref="InternalMaterialLine"/>.</summary>
    public bool MarkAsInternalMaterial { get; set; } = true;

    /// <summary>The marking's wording as printed under the masthead.</summary>
    public string InternalMaterialLine { get; set; } = "内部资料 免费交流";

    /// <summary>主办单位, when it differs from the <see cref="IssuingBody"/> (null: not printed).</summary>
    public string? Sponsor { get; set; }

    /// <summary>
    /// The footer's fixed 送 wording, printed as written (the mailing still goes to the organisation groups): a new issue
    /// starts with the previous issue's line, or this one when there is no previous issue or its line is empty.
    /// </summary>
    public string? DefaultSendTo { get; set; }

    /// <summary>The footer's fixed 发 wording, e.g. 各市、县（市、区）计划生育协会; printed as written.</summary>
    public string? DefaultDistributeTo { get; set; }
}
