using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Slipway.Deploy.Api;
using Slipway.Deploy.Audit;
using Slipway.Deploy.Data;

namespace Slipway.Deploy.Auth;

/// <summary>Sign-in (JSON and an HTML form with CSRF protection), sign-out, first-start setup and "who am I".</summary>
internal static class AuthEndpoints
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockOut = TimeSpan.FromMinutes(5);

    internal sealed record LoginRequest(string? Username, string? Password);

    internal sealed record SetupRequest(string? SetupToken, string? Username, string? Password);

    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("auth");
        api.MapPost("/auth/login", async (LoginRequest request, HttpContext http, DeployDbContext db, Passwords passwords, CancellationToken ct) =>
        {
            var user = await SignInAsync(http, db, passwords, request.Username, request.Password, ct);
            return TypedResults.Ok(new { username = user.Username, is_admin = user.IsAdmin });
        }).AllowAnonymous();
        api.MapPost("/auth/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        });
        api.MapPost("/setup", async (SetupRequest request, HttpContext http, DeployDbContext db, Passwords passwords, FirstAdmin firstAdmin, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Username)) throw ApiException.Invalid("username", "A username is required.");
            Passwords.RequireStrong(request.Password);
            if (await db.Users.AnyAsync(ct) || !firstAdmin.Redeem(request.SetupToken))
                throw ApiException.Forbidden("The setup token is wrong or was already used.");
            var user = new User { Username = request.Username.Trim(), PasswordHash = passwords.Hash(request.Password!), IsAdmin = true, CreatedAt = DateTime.UtcNow };
            db.Users.Add(user);
            new AuditLog(db).Record("setup", "user.created", target: user.Username, detail: "first administrator from the setup token");
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(new { username = user.Username, is_admin = true });
        }).AllowAnonymous();
        api.MapGet("/me", async (Access access, DeployDbContext db, CancellationToken ct) =>
        {
            var actor = access.Actor;
            var roles = await db.ProjectMembers.Where(m => m.UserId == actor.UserId)
                .Select(m => new { project_id = m.ProjectId, role = m.Role }).ToListAsync(ct);
            return TypedResults.Ok(new
            {
                id = actor.UserId, username = actor.Username, is_admin = actor.IsAdmin, token_id = actor.TokenId,
                scopes = actor.Scopes?.Order().ToArray(),
                projects = roles.Select(r => new { r.project_id, role = Roles.Name(r.role) }),
            });
        });

        // The HTML sign-in form: the antiforgery token in the form is checked on POST (form endpoints require it).
        app.MapGet("/login", (HttpContext http, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            var html = $"""
                <!doctype html><html><head><title>Sign in · Slipway</title></head><body>
                <form method="post" action="/login">
                <input type="hidden" name="{tokens.FormFieldName}" value="{WebUtility.HtmlEncode(tokens.RequestToken)}">
                <label>Username <input name="username" autocomplete="username"></label>
                <label>Password <input name="password" type="password" autocomplete="current-password"></label>
                <button type="submit">Sign in</button></form></body></html>
                """;
            return TypedResults.Content(html, "text/html");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/login", async ([FromForm] string? username, [FromForm] string? password, HttpContext http, DeployDbContext db,
            Passwords passwords, CancellationToken ct) =>
        {
            await SignInAsync(http, db, passwords, username, password, ct);
            return TypedResults.Redirect("/");
        }).AllowAnonymous().ExcludeFromDescription();
    }

    internal static async Task<User> SignInAsync(HttpContext http, DeployDbContext db, Passwords passwords, string? username, string? password,
        CancellationToken ct)
    {
        var audit = new AuditLog(db);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Username == (username ?? ""), ct);
        var now = DateTime.UtcNow;
        if (user is { IsDeactivated: true } && passwords.Verify(user, password ?? ""))
        {
            // Said only to someone who knows the password; others get the usual answer below.
            audit.Record(user.Username, "sign_in.refused", detail: "deactivated");
            await db.SaveChangesAsync(ct);
            throw ApiException.Forbidden("This user is deactivated; ask an administrator to reactivate it.");
        }
        if (user?.LockedUntil is { } until && until > now && !user.IsDeactivated)
        {
            audit.Record(username ?? "", "sign_in.refused", detail: "locked after repeated failures");
            await db.SaveChangesAsync(ct);
            throw new ApiException(429, "too_many_attempts",
                $"Too many failed sign-ins for this user; try again after {until:yyyy-MM-dd HH:mm:ss} UTC.");
        }
        if (!passwords.Verify(user, password ?? ""))
        {
            // A deactivated user's endless lock is not replaced by a five-minute one.
            if (user is { IsDeactivated: false } && ++user.FailedSignIns >= MaxFailedSignIns)
            {
                user.FailedSignIns = 0;
                user.LockedUntil = now + LockOut;
            }
            audit.Record(username ?? "", "sign_in.failed");
            await db.SaveChangesAsync(ct);
            throw new ApiException(401, "invalid_credentials", "Wrong username or password.");
        }
        user!.FailedSignIns = 0;
        user.LockedUntil = null;
        audit.Record(user.Username, "sign_in");
        await db.SaveChangesAsync(ct);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(Actor.Claims(user), CookieAuthenticationDefaults.AuthenticationScheme));
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return user;
    }
}
