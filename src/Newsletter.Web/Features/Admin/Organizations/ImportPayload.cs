using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Newsletter.Web.Features.Admin.Organizations;

/// <summary>
/// Carries the uploaded text from the preview to the apply step in a hidden field instead of a file on this
/// node: compressed, then encrypted and signed with Data Protection under a purpose that includes the
/// administrator's user id, and valid for two hours. The client can neither read, alter nor forge it, nor hand
/// it to another account; and the apply step needs no server state, so it works on whichever node (sharing the
/// Data Protection keys) receives it. The apply step never trusts the preview: it checks every line again
/// against the database as it is then.
/// </summary>
public sealed class ImportPayload(IDataProtectionProvider provider, string userId)
{
    /// <summary>Kept under the default 4 MB form value limit, with room to spare.</summary>
    public const int MaxLength = 3 * 1024 * 1024;

    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private readonly ITimeLimitedDataProtector protector =
        provider.CreateProtector("Newsletter.Organizations.Import", userId).ToTimeLimitedDataProtector();

    public string Protect(string text)
    {
        using var buffer = new MemoryStream();
        using (var zip = new BrotliStream(buffer, CompressionLevel.Optimal))
        {
            zip.Write(Encoding.UTF8.GetBytes(text));
        }

        return WebEncoders.Base64UrlEncode(protector.Protect(buffer.ToArray(), Lifetime));
    }

    /// <summary>The text, or null when the field was changed, made for someone else, or is too old.</summary>
    public string? Unprotect(string? payload)
    {
        if (string.IsNullOrEmpty(payload) || payload.Length > MaxLength)
        {
            return null;
        }

        try
        {
            var compressed = protector.Unprotect(WebEncoders.Base64UrlDecode(payload), out _);
            using var zip = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var reader = new StreamReader(zip, Encoding.UTF8);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
