using System.Security.Claims;

namespace Slipway.Deploy.Auth;

/// <summary>Who is calling: a signed-in user, or a token acting for its owner within its scopes.</summary>
internal sealed record Actor(int UserId, string Username, bool IsAdmin, IReadOnlySet<string>? Scopes, int? TokenId)
{
    public const string UserIdClaim = "slipway:user_id";
    public const string AdminClaim = "slipway:admin";
    public const string ScopeClaim = "slipway:scope";
    public const string TokenClaim = "slipway:token_id";

    /// <summary>How the audit log names the actor.</summary>
    public string Display => TokenId is { } id ? $"{Username} (token {id})" : Username;

    public static Actor? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        if (!int.TryParse(principal.FindFirstValue(UserIdClaim), out var userId)) return null;
        var tokenId = int.TryParse(principal.FindFirstValue(TokenClaim), out var t) ? t : (int?)null;
        IReadOnlySet<string>? scopes = tokenId is null ? null : principal.FindAll(ScopeClaim).Select(c => c.Value).ToHashSet();
        return new Actor(userId, principal.Identity.Name ?? "", principal.HasClaim(AdminClaim, "true"), scopes, tokenId);
    }

    public static List<Claim> Claims(Auth.User user) =>
    [
        new(ClaimTypes.Name, user.Username),
        new(UserIdClaim, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new(AdminClaim, user.IsAdmin ? "true" : "false"),
    ];

    /// <summary>True when the token's scopes (a signed-in user has all) allow the permission.</summary>
    public bool ScopeAllows(Permission permission) => Scopes is null || permission switch
    {
        Permission.Read => Scopes.Count > 0,
        Permission.Run => Scopes.Contains("run") || Scopes.Contains("write"),
        _ => Scopes.Contains("write"),
    };
}
