using System.Net.Mail;
using System.Text.RegularExpressions;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Admin.Organizations;

/// <summary>
/// Contact addresses as typed: one a line in the form, separated by ";" in a CSV cell (also ；, commas,
/// 、 and spaces). Every address must be a plain, strictly valid address or nothing is taken.
/// </summary>
public static partial class EmailList
{
    public const int MaxLength = 254;

    private static readonly char[] Separators = [';', '；', ',', '，', '、', '\n', '\r', '\t', ' ', '\u3000'];

    /// <summary>The addresses in order, duplicates (ignoring case) dropped; or every bad one, each as 第N个邮箱“x”格式不正确。</summary>
    public static Outcome<IReadOnlyList<string>> Parse(string? text)
    {
        var items = (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var emails = new List<string>();
        var bad = new List<string>();
        for (var i = 0; i < items.Length; i++)
        {
            if (!IsValid(items[i]))
            {
                bad.Add($"第{i + 1}个邮箱“{items[i]}”格式不正确。");
            }
            else if (!emails.Contains(items[i], StringComparer.OrdinalIgnoreCase))
            {
                emails.Add(items[i]);
            }
        }

        return bad.Count > 0 ? Outcome<IReadOnlyList<string>>.Invalid(bad) : Outcome.Ok<IReadOnlyList<string>>(emails);
    }

    /// <summary>
    /// What <see cref="MailAddress"/> accepts as exactly this address (no display name, nothing dropped),
    /// and also ASCII only, a dotted host name, and no leading, trailing or double dots in the local part.
    /// </summary>
    public static bool IsValid(string address)
    {
        if (address.Length > MaxLength || !Strict().IsMatch(address)
            || !MailAddress.TryCreate(address, out var parsed) || parsed.Address != address || parsed.DisplayName.Length > 0)
        {
            return false;
        }

        var local = address[..address.IndexOf('@', StringComparison.Ordinal)];
        return local.Length <= 64 && !local.StartsWith('.') && !local.EndsWith('.') && !local.Contains("..", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")]
    private static partial Regex Strict();
}
