using System.Globalization;

namespace Newsletter.Web.Infrastructure;

/// <summary>
/// Alphabetical order as a Chinese reader expects it: pinyin, by ICU's zh-CN collation (白 before 南 before 钦), not the
/// code points a database's ORDER BY gives (SQLite sorts 南 before 白). Lists are sorted with it in memory.
/// </summary>
public static class ChineseOrder
{
    public static StringComparer Names { get; } = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), CompareOptions.None);
}
