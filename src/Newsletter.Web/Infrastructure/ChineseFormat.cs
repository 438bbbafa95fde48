namespace Newsletter.Web.Infrastructure;

/// <summary>How dates read in the portal: 2023年5月6日.</summary>
public static class ChineseFormat
{
    public static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    public static string Date(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return Date(DateOnly.FromDateTime(local));
    }

    /// <summary>2023年5月6日 09:30, in the given zone.</summary>
    public static string DateTime(System.DateTime utc, TimeZoneInfo zone) =>
        Date(utc, zone) + " " + TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone)
            .ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>China Standard Time, where the association works.</summary>
    public static TimeZoneInfo ChinaTime { get; } = FindChinaTime();

    private static TimeZoneInfo FindChinaTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "中国标准时间", "中国标准时间");
        }
    }
}
