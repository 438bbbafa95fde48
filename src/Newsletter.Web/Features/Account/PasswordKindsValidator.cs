using Microsoft.AspNetCore.Identity;

namespace Newsletter.Web.Features.Account;

/// <summary>A password must mix at least three kinds: lower-case, upper-case, digits, symbols.</summary>
public sealed class PasswordKindsValidator : IPasswordValidator<ApplicationUser>
{
    public const int RequiredKinds = 3;

    public static int Kinds(string password) =>
        new[] { password.Any(char.IsAsciiLetterLower), password.Any(char.IsAsciiLetterUpper), password.Any(char.IsAsciiDigit), password.Any(c => !char.IsAsciiLetterOrDigit(c)) }
            .Count(k => k);

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(password is not null && Kinds(password) >= RequiredKinds
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordKinds",
                Description = "密码需要混合小写字母、大写字母、数字、符号中的至少三类。",
            }));
}
