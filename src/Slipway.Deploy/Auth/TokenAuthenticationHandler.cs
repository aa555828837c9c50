using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Slipway.Deploy.Api;
using Slipway.Deploy.Data;

namespace Slipway.Deploy.Auth;

/// <summary>
/// <c>Authorization: Token &lt;t&gt;</c> (dbt Cloud's spelling) or <c>Bearer &lt;t&gt;</c>: looks up the token's SHA-256,
/// refuses revoked tokens, and signs the request in as the token's owner narrowed to the token's scopes.
/// </summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, DeployDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";

    public static bool HasToken(HttpRequest request) => ReadToken(request) is not null;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ReadToken(Request);
        if (token is null) return AuthenticateResult.NoResult();
        var hash = Hash(token);
        var stored = await db.ServiceTokens.FirstOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        if (stored is null || stored.RevokedAt is not null) return AuthenticateResult.Fail("Invalid or revoked token.");
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == stored.UserId, Context.RequestAborted);
        if (user is null) return AuthenticateResult.Fail("The token's owner no longer exists.");
        if (user.IsDeactivated) return AuthenticateResult.Fail("The token's owner is deactivated.");
        var claims = Actor.Claims(user);
        claims.Add(new Claim(Actor.TokenClaim, stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        claims.AddRange(stored.Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => new Claim(Actor.ScopeClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ErrorHandling.WriteAsync(Context, 401, "unauthenticated", "Invalid or revoked API token.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ErrorHandling.WriteAsync(Context, 403, "forbidden", "You do not have permission to do this.");

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string? ReadToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        foreach (var prefix in new[] { "Token ", "Bearer " })
            if (header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var token = header[prefix.Length..].Trim();
                return token.Length == 0 ? null : token;
            }
        return null;
    }
}
