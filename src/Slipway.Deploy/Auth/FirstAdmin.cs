using Slipway.Deploy.Audit;
using Slipway.Deploy.Data;

namespace Slipway.Deploy.Auth;

/// <summary>
/// The first start of an empty service creates the <c>admin</c> user from <c>--admin-password</c>, or prints a
/// one-time setup token that <c>POST /api/v1/setup</c> exchanges for the first administrator.
/// </summary>
internal sealed class FirstAdmin
{
    private string? setupTokenHash;

    public async Task EnsureAsync(DeployDbContext db, DeployOptions options, Passwords passwords, CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken)) return;
        if (options.AdminPassword is { } password)
        {
            Passwords.RequireStrong(password, "--admin-password");
            db.Users.Add(new User { Username = "admin", PasswordHash = passwords.Hash(password), IsAdmin = true, CreatedAt = DateTime.UtcNow });
            new AuditLog(db).Record("system", "user.created", target: "admin", detail: "first administrator from --admin-password");
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        var token = Tokens.NewSetupToken();
        setupTokenHash = TokenAuthenticationHandler.Hash(token);
        options.SetupOutput.WriteLine($"No users yet. Create the first administrator with this one-time setup token: {token}");
        options.SetupOutput.WriteLine("  POST /api/v1/setup {\"setup_token\": \"…\", \"username\": \"…\", \"password\": \"…\"}");
    }

    /// <summary>True once per start when the token matches; the token cannot be used twice.</summary>
    public bool Redeem(string? token)
    {
        if (token is null || setupTokenHash is null) return false;
        var expected = setupTokenHash;
        if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(TokenAuthenticationHandler.Hash(token))))
            return false;
        return Interlocked.CompareExchange(ref setupTokenHash, null, expected) == expected;
    }
}
