using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Account;
using Newsletter.Web.Features.Admin.Audit;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Admin.Users;

/// <summary>用户管理: list, create, edit, disable/enable accounts and reset passwords. Every change is audited.</summary>
[Authorize(Roles = Roles.Administrator)]
[Route("admin/users")]
public sealed partial class UsersController(
    UserManager<ApplicationUser> userManager, NewsletterDbContext context, AuditLog auditLog, TimeProvider timeProvider) : Controller
{
    private const string Entity = "User";

    private readonly UserManager<ApplicationUser> users = userManager;
    private readonly NewsletterDbContext db = context;
    private readonly AuditLog audit = auditLog;
    private readonly TimeProvider clock = timeProvider;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.DisplayName).ThenBy(u => u.Email).ToListAsync(ct);
        var roles = await RolesByUserAsync(ct);
        return View(new UsersPage(all.Select(u => Row(u, roles[u.Id].ToList())).ToList()));
    }

    [HttpGet("new")]
    public IActionResult New() => View(new NewUserForm());

    [HttpPost("new")]
    public async Task<IActionResult> New(NewUserForm form)
    {
        CheckRoles(form.Roles, nameof(form.Roles));
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var email = form.Email.Trim();
        var generated = string.IsNullOrEmpty(form.Password);
        var password = generated ? AccountSeeder.GeneratePassword() : form.Password!;
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            DisplayName = form.DisplayName.Trim(),
            OrganizationName = Clean(form.OrganizationName),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            created = await users.AddToRolesAsync(user, form.Roles.Distinct());
        }

        if (!created.Succeeded)
        {
            var codes = created.Errors.Select(e => e.Code).ToHashSet();
            foreach (var error in created.Errors.Where(e => !(e.Code == "DuplicateUserName" && codes.Contains("DuplicateEmail"))))
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(form.Password) : "", error.Description);
            }

            return View(form);
        }

        audit.Record(HttpContext.ToActor(), Entity, user.Id, "创建用户", to: "正常",
            detail: $"{user.DisplayName}（{email}），单位：{user.OrganizationName ?? "无"}，角色：{RoleNames(form.Roles)}");
        await db.SaveChangesAsync();
        if (!generated)
        {
            TempData["Message"] = $"已创建用户“{user.DisplayName}”。";
            return RedirectToAction(nameof(Index));
        }

        return OneTimePassword(new OneTimePasswordPage(user.Id, user.DisplayName, email, "已创建用户", "初始密码", password));
    }

    [HttpGet("{id}/edit")]
    public async Task<IActionResult> Edit(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return this.NotFoundPage("没有这个用户。");
        }

        var roles = (await users.GetRolesAsync(user)).ToList();
        var form = new UserDetailsForm { DisplayName = user.DisplayName, OrganizationName = user.OrganizationName, Roles = roles };
        return View(new EditUserPage(Row(user, roles), IsSelf(user), form));
    }

    [HttpPost("{id}/edit")]
    public async Task<IActionResult> Edit(string id, [Bind(Prefix = "Form")] UserDetailsForm form)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return this.NotFoundPage("没有这个用户。");
        }

        var current = (await users.GetRolesAsync(user)).ToList();
        CheckRoles(form.Roles, "Form.Roles");
        if (IsSelf(user) && current.Contains(Roles.Administrator) && !form.Roles.Contains(Roles.Administrator))
        {
            ModelState.AddModelError("Form.Roles", "不能取消自己的管理员角色。");
        }

        if (!ModelState.IsValid)
        {
            return View(new EditUserPage(Row(user, current), IsSelf(user), form));
        }

        var (name, organization) = (form.DisplayName.Trim(), Clean(form.OrganizationName));
        var added = form.Roles.Distinct().Except(current).ToList();
        var removed = current.Except(form.Roles).ToList();
        var changes = new[]
        {
            name != user.DisplayName ? $"姓名：{user.DisplayName} → {name}" : null,
            organization != user.OrganizationName ? $"单位：{user.OrganizationName ?? "无"} → {organization ?? "无"}" : null,
            added.Count + removed.Count > 0 ? $"角色：{RoleNames(current)} → {RoleNames(form.Roles)}" : null,
        }.OfType<string>().ToList();
        if (changes.Count == 0)
        {
            TempData["Message"] = "没有改动。";
            return RedirectToAction(nameof(Edit), new { id });
        }

        user.DisplayName = name;
        user.OrganizationName = organization;
        var result = await users.UpdateAsync(user);
        result = result.Succeeded && added.Count > 0 ? await users.AddToRolesAsync(user, added) : result;
        result = result.Succeeded && removed.Count > 0 ? await users.RemoveFromRolesAsync(user, removed) : result;
        if (!result.Succeeded)
        {
            TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Description));
            return RedirectToAction(nameof(Edit), new { id });
        }

        audit.Record(HttpContext.ToActor(), Entity, user.Id, "修改用户", detail: $"{user.DisplayName}：" + string.Join("；", changes));
        await db.SaveChangesAsync();
        TempData["Message"] = "已保存。";
        return RedirectToAction(nameof(Edit), new { id });
    }
}
