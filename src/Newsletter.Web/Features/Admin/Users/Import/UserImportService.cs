using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Account;
using Newsletter.Web.Features.Editorial.Import;

namespace Newsletter.Web.Features.Admin.Users.Import;

public sealed record UserImportPreview(string FileName, IReadOnlyList<UserCsvRow> Rows, string Payload)
{
    public int ValidCount => Rows.Count(r => r.Valid);
}

/// <summary>A created account, and whether its activation mail went out.</summary>
public sealed record ImportedUser(string Id, string Name, string Email, bool Mailed);

public sealed record UserImportResult(IReadOnlyList<ImportedUser> Created, IReadOnlyList<UserCsvRow> Refused);

/// <summary>
/// 批量导入用户: upload → preview (nothing written) → apply. The previewed text rides in a hidden field protected
/// for this administrator for two hours; apply checks every line again against the accounts as they are then,
/// creates the good ones without a password and mails each its activation link.
/// </summary>
public sealed class UserImportService(
    UserManager<ApplicationUser> users, UserAccounts accounts, OrganizationChoices organizations, PasswordLinks links, IDataProtectionProvider protection)
{
    public const int MaxUploadBytes = 1024 * 1024;

    public async Task<Outcome<UserImportPreview>> PreviewAsync(IFormFile? file, Actor actor, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return Outcome<UserImportPreview>.Invalid("请选择要导入的 CSV 文件。");
        }

        if (file.Length > MaxUploadBytes)
        {
            return Outcome<UserImportPreview>.Invalid("文件太大，不能超过 1 MB。请分成几个文件导入。");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var text = TextDecoder.Decode(buffer.ToArray());
        if (!text.Succeeded)
        {
            return Outcome<UserImportPreview>.Invalid(string.Join(" ", text.Errors));
        }

        var checkedRows = await CheckAsync(text.Value!, ct);
        if (!checkedRows.Succeeded)
        {
            return Outcome<UserImportPreview>.Invalid(string.Join(" ", checkedRows.Errors));
        }

        var payload = WebEncoders.Base64UrlEncode(Protector(actor).Protect(Encoding.UTF8.GetBytes(text.Value!), TimeSpan.FromHours(2)));
        return Outcome.Ok(new UserImportPreview(Path.GetFileName(file.FileName), checkedRows.Value!, payload));
    }

    public async Task<Outcome<UserImportResult>> ApplyAsync(string? payload, Actor actor, CancellationToken ct)
    {
        if (Unprotect(payload, actor) is not { } text || await CheckAsync(text, ct) is not { Succeeded: true } checkedRows)
        {
            return Outcome<UserImportResult>.Invalid("导入内容已失效或被改动，请重新上传文件。");
        }

        var created = new List<ImportedUser>();
        var refused = checkedRows.Value!.Where(r => !r.Valid).ToList();
        foreach (var row in checkedRows.Value!.Where(r => r.Valid))
        {
            var organization = row.OrganizationId is { } id ? await organizations.FindAsync(id, null, ct) : null;
            var form = new NewUserForm { DisplayName = row.Name, Email = row.Email, Roles = [.. row.Roles], Setup = AccountSetup.Email };
            var (result, user) = await accounts.CreateAsync(form, organization, null, false, actor, $"批量导入第 {row.Line} 行，发送激活邮件");
            if (!result.Succeeded)
            {
                refused.Add(row with { Errors = [.. result.Errors.Select(e => e.Description)] });
                continue;
            }

            created.Add(new ImportedUser(user.Id, user.DisplayName, user.Email!, await links.SendActivationAsync(user, ct)));
        }

        return Outcome.Ok(new UserImportResult(created, refused.OrderBy(r => r.Line).ToList()));
    }

    private async Task<Outcome<IReadOnlyList<UserCsvRow>>> CheckAsync(string text, CancellationToken ct)
    {
        var rows = UserCsv.Read(text);
        if (!rows.Succeeded)
        {
            return Outcome<IReadOnlyList<UserCsvRow>>.Invalid(rows.Errors);
        }

        var emails = rows.Value!.Select(r => r[2].ToUpperInvariant()).Where(e => e.Length > 0).ToList();
        var taken = (await users.Users.Where(u => u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail)).Select(u => u.Email!).ToListAsync(ct))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Outcome.Ok<IReadOnlyList<UserCsvRow>>(UserCsv.Check(rows.Value!, await organizations.ByNameAsync(ct), taken));
    }

    private ITimeLimitedDataProtector Protector(Actor actor) =>
        protection.CreateProtector("Newsletter.Users.Import", actor.UserId ?? "").ToTimeLimitedDataProtector();

    private string? Unprotect(string? payload, Actor actor)
    {
        if (string.IsNullOrEmpty(payload) || payload.Length > 4 * MaxUploadBytes)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Protector(actor).Unprotect(WebEncoders.Base64UrlDecode(payload), out _));
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return null;
        }
    }
}
