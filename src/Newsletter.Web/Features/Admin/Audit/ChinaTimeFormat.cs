using System.Globalization;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Admin.Audit;

/// <summary>Times on the administrator pages, in China time (entries are stored in UTC).</summary>
public static class ChinaTimeFormat
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];

    /// <summary>2023年5月6日 14:05.</summary>
    public static string Minute(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ChineseFormat.ChinaTime);
        return $"{local.Year}年{local.Month}月{local.Day}日 {local:HH:mm}";
    }

    /// <summary>The UTC instant at which the given day begins in China.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), ChineseFormat.ChinaTime);

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Chinese names for the kinds of things in the log.</summary>
    public static string EntityLabel(string entityType) => entityType switch
    {
        "User" => "用户",
        "Account" => "登录",
        "SensitiveWord" => "错敏词",
        "Issue" => "期",
        "Article" => "稿件",
        "Section" => "栏目",
        "Publication" => "刊物",
        "Organization" => "单位",
        "Dispatch" => "发送",
        "SearchIndex" => "检索索引",
        _ => entityType,
    };
}
