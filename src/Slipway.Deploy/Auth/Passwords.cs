using Microsoft.AspNetCore.Identity;
using Slipway.Deploy.Api;

namespace Slipway.Deploy.Auth;

/// <summary>PBKDF2 password hashes (ASP.NET Core Identity's hasher) and the minimum strength asked of a new password.</summary>
internal sealed class Passwords
{
    public const int MinimumLength = 12;
    private readonly PasswordHasher<User> hasher = new();
    // Verifying against this when the user does not exist keeps the answer time the same for both cases.
    private readonly string decoy;

    public Passwords() => decoy = hasher.HashPassword(null!, "decoy-password-never-used");

    public string Hash(string password) => hasher.HashPassword(null!, password);

    public bool Verify(User? user, string password)
    {
        var result = hasher.VerifyHashedPassword(null!, user?.PasswordHash ?? decoy, password);
        return user is not null && result != PasswordVerificationResult.Failed;
    }

    public static void RequireStrong(string? password, string field = "password")
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
            throw ApiException.Invalid(field, $"The password must have at least {MinimumLength} characters.");
        var classes = new[] { password.Any(char.IsLower), password.Any(char.IsUpper), password.Any(char.IsDigit), password.Any(c => !char.IsLetterOrDigit(c)) };
        if (classes.Count(c => c) < 3)
            throw ApiException.Invalid(field, "The password must mix at least three of: lower case, upper case, digits, symbols.");
    }
}
