using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Newsletter.IntegrationTests.Features.Admin;
using Newsletter.IntegrationTests.Features.Admin.Audit;
using Newsletter.IntegrationTests.Features.Admin.Users;
using Newsletter.IntegrationTests.Features.Admin.Words;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Account;

namespace Newsletter.IntegrationTests.Features.Account;

/// <summary>
/// A failed sign-in tells nobody whether the address has an account: unknown, wrong password, disabled and locked
/// read the same message and cost the same work, one password hash checked.
/// </summary>
public sealed class SignInFailureTests : IDisposable
{
    private const string Generic = "账号或密码不正确。连续输错 5 次，账号将锁定 15 分钟，锁定期间即使密码正确也无法登录。";

    private readonly CountingPortal portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Unknown_wrong_password_disabled_and_locked_read_the_same_message()
    {
        var messages = await EveryKindOfFailureAsync();
        Assert.Single(messages.Select(m => m.Message).Distinct());
        Assert.Equal(Generic, messages[0].Message);
    }

    [Fact]
    public async Task Every_kind_of_failure_checks_exactly_one_password_hash()
    {
        var messages = await EveryKindOfFailureAsync();
        Assert.All(messages, m => Assert.True(m.Hashes == 1, $"{m.Case}: {m.Hashes} password hashes checked"));
    }

    [Fact]
    public async Task A_disabled_user_who_knows_the_password_is_told_the_account_is_disabled()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var user = await portal.EnsureUserAsync(Roles.Editor, "disabled@test.local");
        var edit = $"/admin/users/{user.Id}/edit";
        await admin.FollowAsync(await admin.PostFieldsAsync(edit, edit.Replace("/edit", "/disable")));

        Assert.Equal("该账号已停用，请联系管理员。", await FailureAsync(user.Email!, Accounts.Password));
    }

    /// <summary>Each kind of failed attempt, what the login page said and how many password hashes it checked.</summary>
    private async Task<List<(string Case, string Message, int Hashes)>> EveryKindOfFailureAsync()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var wrong = await portal.EnsureUserAsync(Roles.Editor, "wrong@test.local");
        var disabled = await portal.EnsureUserAsync(Roles.Editor, "disabled@test.local");
        var locked = await portal.EnsureUserAsync(Roles.Editor, "locked@test.local");
        var edit = $"/admin/users/{disabled.Id}/edit";
        await admin.FollowAsync(await admin.PostFieldsAsync(edit, edit.Replace("/edit", "/disable")));

        var results = new List<(string, string, int)>();
        async Task AttemptAsync(string name, string email, string password)
        {
            var before = portal.Hasher.Verifications;
            var message = await FailureAsync(email, password);
            results.Add((name, message, portal.Hasher.Verifications - before));
        }

        await AttemptAsync("unknown address", "nobody@test.local", Accounts.Password);
        await AttemptAsync("wrong password", wrong.Email!, "Wrong-Passw0rd!");
        await AttemptAsync("disabled, wrong password", disabled.Email!, "Wrong-Passw0rd!");
        for (var i = 1; i <= 5; i++)
        {
            await AttemptAsync($"failure {i} of 5", locked.Email!, "Wrong-Passw0rd!");
        }

        await AttemptAsync("locked, right password", locked.Email!, Accounts.Password);
        return results;
    }

    /// <summary>Signs in through the form; asserts it failed and returns the error the page shows.</summary>
    private async Task<string> FailureAsync(string email, string password)
    {
        var response = await portal.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        return page.QuerySelector("form [role=alert]")!.TextContent.Trim();
    }

    /// <summary>The portal with a password hasher that counts the hashes it checks.</summary>
    private sealed class CountingPortal : PortalFactory
    {
        public CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder) =>
            builder.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<ApplicationUser>>(Hasher));
    }

    /// <summary>Identity's own hasher (same algorithm and cost), counting <see cref="VerifyHashedPassword"/>.</summary>
    private sealed class CountingHasher : PasswordHasher<ApplicationUser>
    {
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public override PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
