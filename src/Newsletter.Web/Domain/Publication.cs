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

    /// <summary>Print the marking 内部资料 免费交流.</summary>
    public bool MarkAsInternalMaterial { get; set; } = true;
}
