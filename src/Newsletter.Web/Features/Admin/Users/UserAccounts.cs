using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Account;
using Newsletter.Web.Features.Admin.Audit;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Admin.Users;

/// <summary>The user list, creating an account and changing its 姓名, 单位 (from the tree) and roles; every change is audited.</summary>
public sealed class UserAccounts(
    UserManager<ApplicationUser> users, NewsletterDbContext db, AuditLog audit, UserAccess access, TimeProvider clock)
{
    public async Task<UsersPage> ListAsync(CancellationToken ct)
    {
        // By name as Chinese sorts it (pinyin, zh-CN collation), not by the database's code points.
        var all = (await users.Users.AsNoTracking().ToListAsync(ct))
            .OrderBy(u => u.DisplayName, ChineseOrder.Names).ThenBy(u => u.Email, StringComparer.OrdinalIgnoreCase).ToList();
        var roles = (await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            select new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name!);
        return new UsersPage(all.Select(u => Row(u, roles[u.Id].ToList())).ToList());
    }

    public UserRow Row(ApplicationUser user, IReadOnlyList<string> roles) => new(
        user.Id, user.DisplayName, user.Email ?? user.UserName ?? "", user.OrganizationName,
        Roles.All.Where(roles.Contains).ToList(), access.Status(user), user.IsDisabled, access.IsLocked(user));

    /// <summary>
    /// The new account with its roles, audited when it was created. A generated <paramref name="password"/> (shown to
    /// the administrator and read out to the person) must be changed at the first sign-in; without a password the
    /// account waits for its activation link.
    /// </summary>
    public async Task<(IdentityResult Result, ApplicationUser User)> CreateAsync(
        NewUserForm form, Organization? organization, string? password, bool generated, Actor actor, string how)
    {
        var email = form.Email.Trim();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            DisplayName = form.DisplayName.Trim(),
            OrganizationId = organization?.Id,
            OrganizationName = organization?.Name,
            MustChangePassword = generated,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            created = await users.AddToRolesAsync(user, form.Roles.Distinct());
        }

        if (created.Succeeded)
        {
            audit.Record(actor, UserAccess.Entity, user.Id, "创建用户", to: "正常",
                detail: $"{user.DisplayName}（{email}），单位：{user.OrganizationName ?? "无"}，角色：{RoleNames(form.Roles)}，{how}");
            await db.SaveChangesAsync();
        }

        return (created, user);
    }

    /// <summary>Saves 姓名, 单位 and roles as the form has them; null when nothing changed (and nothing was written).</summary>
    public async Task<IdentityResult?> UpdateAsync(
        ApplicationUser user, IReadOnlyList<string> current, UserDetailsForm form, Organization? chosen, Actor actor)
    {
        var name = form.DisplayName.Trim();
        // The name is kept as it was while the unit stays the same (history), and a name typed before the tree existed
        // stays until a unit is chosen.
        var organization = chosen is null
            ? user.OrganizationId is null ? user.OrganizationName : null
            : chosen.Id == user.OrganizationId ? user.OrganizationName : chosen.Name;
        var added = form.Roles.Distinct().Except(current).ToList();
        var removed = current.Except(form.Roles).ToList();
        var changes = new[]
        {
            name != user.DisplayName ? $"姓名：{user.DisplayName} → {name}" : null,
            chosen?.Id != user.OrganizationId || organization != user.OrganizationName ? $"单位：{user.OrganizationName ?? "无"} → {organization ?? "无"}" : null,
            added.Count + removed.Count > 0 ? $"角色：{RoleNames(current)} → {RoleNames(form.Roles)}" : null,
        }.OfType<string>().ToList();
        if (changes.Count == 0)
        {
            return null;
        }

        user.DisplayName = name;
        user.OrganizationId = chosen?.Id;
        user.OrganizationName = organization;
        var result = await users.UpdateAsync(user);
        result = result.Succeeded && added.Count > 0 ? await users.AddToRolesAsync(user, added) : result;
        result = result.Succeeded && removed.Count > 0 ? await users.RemoveFromRolesAsync(user, removed) : result;
        if (result.Succeeded)
        {
            audit.Record(actor, UserAccess.Entity, user.Id, "修改用户", detail: $"{user.DisplayName}：" + string.Join("；", changes));
            await db.SaveChangesAsync();
        }

        return result;
    }

    private static string RoleNames(IEnumerable<string> roles) =>
        string.Join("、", Roles.All.Where(roles.Contains).Select(Roles.DisplayName)) is { Length: > 0 } names ? names : "无";
}
