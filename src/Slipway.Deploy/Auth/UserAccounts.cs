using Slipway.Deploy.Api;
using Slipway.Deploy.Audit;
using Slipway.Deploy.Data;

namespace Slipway.Deploy.Auth;

/// <summary>Creating, deactivating and reactivating users, and their API tokens: one set of rules for the API and the settings pages.</summary>
internal static class UserAccounts
{
    /// <summary>Adds a user (service administrators only), optionally with a role on one project, saved with its audit entry.</summary>
    public static async Task<User> CreateAsync(DeployDbContext db, Passwords passwords, Access access, string? username, string? password, bool isAdmin,
        int? projectId, string? role, CancellationToken ct)
    {
        access.RequireServiceAdmin();
        username = username?.Trim();
        if (string.IsNullOrEmpty(username) || !username.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
            throw ApiException.Invalid("username", "A username is required and may hold only letters, digits, '_', '.' and '-'.");
        Passwords.RequireStrong(password);
        var projectRole = projectId is null ? (ProjectRole?)null : Roles.Parse(role);
        if (projectId is { } p && !await db.Projects.AnyAsync(x => x.Id == p, ct)) throw ApiException.Invalid("project_id", $"Project {p} was not found.");
        if (await db.Users.AnyAsync(u => u.Username == username, ct)) throw ApiException.Conflict($"The user '{username}' already exists.");
        var user = new User { Username = username, PasswordHash = passwords.Hash(password!), IsAdmin = isAdmin, CreatedAt = DateTime.UtcNow };
        db.Users.Add(user);
        new AuditLog(db).Record(access.Actor.Display, "user.created", target: username, detail: isAdmin ? "administrator" : null);
        await db.SaveChangesAsync(ct);
        if (projectId is { } id && projectRole is { } r)
        {
            db.ProjectMembers.Add(new ProjectMember { ProjectId = id, UserId = user.Id, Role = r });
            new AuditLog(db).Record(access.Actor.Display, "member.set", id, user.Username, Roles.Name(r));
            await db.SaveChangesAsync(ct);
        }
        return user;
    }

    /// <summary>
    /// Deactivates (signs the user out everywhere, refuses their sign-ins and tokens) or reactivates a user. An
    /// administrator cannot deactivate themself, so a service always keeps one administrator who can undo it.
    /// </summary>
    public static async Task<User> SetActiveAsync(DeployDbContext db, Access access, int userId, bool active, CancellationToken ct)
    {
        access.RequireServiceAdmin();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw ApiException.NotFound($"User {userId}");
        if (!active && user.Id == access.Actor.UserId) throw ApiException.Invalid("active", "You cannot deactivate yourself; another administrator can.");
        if (user.IsDeactivated == !active) return user;
        user.FailedSignIns = 0;
        user.LockedUntil = active ? null : User.DeactivatedMark;
        new AuditLog(db).Record(access.Actor.Display, active ? "user.reactivated" : "user.deactivated", target: user.Username);
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>A new API token of the caller (no scopes given: read only); the token itself is returned this once and stored only as a hash.</summary>
    public static async Task<(ServiceToken Stored, string Token)> CreateTokenAsync(DeployDbContext db, Access access, string? name, string[]? scopes, CancellationToken ct)
    {
        // A token cannot mint tokens wider than itself; a signed-in user can mint any scope.
        if (access.Actor.TokenId is not null && !access.Actor.ScopeAllows(Permission.Manage))
            throw ApiException.Forbidden("Only a signed-in user or a 'write' token can create tokens.");
        if (string.IsNullOrWhiteSpace(name)) throw ApiException.Invalid("name", "A token name is required.");
        scopes = scopes is { Length: > 0 } s ? s.Distinct().ToArray() : ["read"];
        if (scopes.FirstOrDefault(x => !Tokens.Scopes.Contains(x)) is { } bad)
            throw ApiException.Invalid("scopes", $"Unknown scope '{bad}'; expected read, run or write.");
        if (access.Actor.Scopes is { } own && scopes.Any(x => !own.Contains(x)))
            throw ApiException.Forbidden("A token cannot create a token with scopes it does not have.");
        var token = Tokens.NewApiToken();
        var stored = new ServiceToken
        {
            UserId = access.Actor.UserId, Name = name.Trim(), Prefix = token[..8], Hash = TokenAuthenticationHandler.Hash(token),
            Scopes = string.Join(',', scopes), CreatedAt = DateTime.UtcNow,
        };
        db.ServiceTokens.Add(stored);
        new AuditLog(db).Record(access.Actor.Display, "token.created", target: stored.Name, detail: $"scopes {stored.Scopes}");
        await db.SaveChangesAsync(ct);
        return (stored, token);
    }
}
