namespace Newsletter.Web.Domain;

/// <summary>The five roles of the portal, with their Chinese names.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string ChiefEditor = "ChiefEditor";
    public const string Editor = "Editor";
    public const string Correspondent = "Correspondent";
    public const string Member = "Member";

    /// <summary>Not a user role: the scheduler that publishes due issues.</summary>
    public const string System = "System";

    /// <summary>For [Authorize(Roles = ...)]: the regional editors.</summary>
    public const string Editors = Editor + "," + ChiefEditor;

    /// <summary>For [Authorize(Roles = ...)]: everyone who writes articles.</summary>
    public const string Writers = Correspondent + "," + Editor + "," + ChiefEditor;

    public static IReadOnlyList<string> All { get; } = [Administrator, ChiefEditor, Editor, Correspondent, Member];

    public static string DisplayName(string role) => role switch
    {
        Administrator => "管理员",
        ChiefEditor => "总编辑",
        Editor => "编辑",
        Correspondent => "通讯员",
        Member => "会员单位",
        System => "系统",
        _ => role,
    };
}
