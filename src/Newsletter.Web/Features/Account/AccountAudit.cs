using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Audit;

namespace Newsletter.Web.Features.Account;

/// <summary>
/// 登录审计 (等保): sign-in, sign-out, failed sign-in, lockout and password links, each with the client address.
/// A failed sign-in is written the same way whether or not the typed account exists: the typed text, no user id.
/// </summary>
public sealed class AccountAudit(AuditLog audit, NewsletterDbContext db, IHttpContextAccessor http)
{
    public const string Entity = "Account";

    private string? Ip => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public Task SignedInAsync(ApplicationUser user) => WriteAsync(user, "登录");

    public Task SignedOutAsync(ApplicationUser user) => WriteAsync(user, "退出登录");

    public Task LockedOutAsync(ApplicationUser user) => WriteAsync(user, "账号锁定", "连续输错密码 5 次，锁定 15 分钟");

    public Task PasswordResetAsync(ApplicationUser user, string action) => WriteAsync(user, action);

    public async Task FailedAsync(string typed)
    {
        var account = typed.Length > 100 ? typed[..100] : typed;
        var entityId = account.Length > 50 ? account[..50] : account; // the column's length; the detail keeps 100
        audit.Record(new Actor(null, account, new HashSet<string>(), Ip), Entity, entityId, "登录失败", detail: $"账号：{account}");
        await db.SaveChangesAsync();
    }

    private async Task WriteAsync(ApplicationUser user, string action, string? detail = null)
    {
        var name = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName;
        audit.Record(new Actor(user.Id, name, new HashSet<string>(), Ip), Entity, user.Id, action, detail: detail ?? $"{name}（{user.Email}）");
        await db.SaveChangesAsync();
    }
}
