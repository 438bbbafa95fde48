using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Editorial.Import;

namespace Newsletter.Web.Features.Account;

/// <summary>
/// Creates the five roles and, when no administrator exists, the first one: from
/// <c>Seed:AdminEmail</c> / <c>Seed:AdminPassword</c>, or with a generated password written once to the log.
/// </summary>
public sealed class AccountSeeder(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<SeedOptions> seed,
    TimeProvider clock,
    ILogger<AccountSeeder> logger)
{
    public async Task SeedAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
        {
            return;
        }

        var email = string.IsNullOrWhiteSpace(seed.Value.AdminEmail) ? "admin@localhost" : seed.Value.AdminEmail.Trim();
        var generated = string.IsNullOrEmpty(seed.Value.AdminPassword);
        var password = generated ? GeneratePassword() : seed.Value.AdminPassword!;
        var admin = new ApplicationUser
        {
            UserName = email,
            Email = email,
            DisplayName = "管理员",
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(
                "无法创建首个管理员（Seed:AdminEmail / Seed:AdminPassword）：" + string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(admin, Roles.Administrator);
        if (generated)
        {
            logger.LogWarning(
                "首个管理员账号 {Email} 已创建，初始密码：{Password} 。此密码只记录这一次，请登录后立即修改。", email, password);
        }
        else
        {
            logger.LogInformation("首个管理员账号 {Email} 已按配置创建", email);
        }
    }

    /// <summary>16 characters from all four kinds.</summary>
    public static string GeneratePassword()
    {
        const string lower = "abcdefghijkmnpqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", symbols = "!@#$%^&*-_=+";
        var all = lower + upper + digits + symbols;
        var chars = new List<char>
        {
            lower[RandomNumberGenerator.GetInt32(lower.Length)],
            upper[RandomNumberGenerator.GetInt32(upper.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)],
            symbols[RandomNumberGenerator.GetInt32(symbols.Length)],
        };
        while (chars.Count < 16)
        {
            chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        }

        return new string(chars.OrderBy(_ => RandomNumberGenerator.GetInt32(1000)).ToArray());
    }
}
