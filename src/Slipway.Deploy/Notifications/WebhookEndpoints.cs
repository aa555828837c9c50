using System.Security.Cryptography;
using Slipway.Deploy.Api;
using Slipway.Deploy.Audit;
using Slipway.Deploy.Auth;
using Slipway.Deploy.Data;
using Slipway.Deploy.Secrets;

namespace Slipway.Deploy.Notifications;

/// <summary><c>/api/v1/projects/{p}/webhooks</c>: outgoing webhooks and Slack messages, and their delivery log.</summary>
internal static class WebhookEndpoints
{
    internal sealed record WebhookRequest(string? Name, string? Kind, string? Url, string[]? EventTypes, int[]? JobIds, bool? Active);

    private static readonly string[] Events = [Notifier.Started, Notifier.Completed, Notifier.Errored];

    public static void MapWebhooks(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/projects/{projectId:int}/webhooks").WithTags("webhooks");
        api.MapGet("", async (int projectId, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Read, ct);
            return TypedResults.Ok((await db.Set<Webhook>().Where(w => w.ProjectId == projectId).OrderBy(w => w.Id).ToListAsync(ct)).Select(w => View(w, null)));
        });
        api.MapPost("", async (int projectId, WebhookRequest request, Access access, DeployDbContext db, SecretBox secrets, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Manage, ct);
            var (hook, secret) = await CreateAsync(db, secrets, access.Actor, projectId, request, ct);
            return TypedResults.Created($"/api/v1/projects/{projectId}/webhooks/{hook.Id}", View(hook, secret));
        });
        api.MapPut("/{id:int}", async (int projectId, int id, WebhookRequest request, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Manage, ct);
            var hook = await db.Set<Webhook>().FirstOrDefaultAsync(w => w.ProjectId == projectId && w.Id == id, ct) ?? throw ApiException.NotFound($"Webhook {id}");
            await UpdateAsync(db, access.Actor, hook, request, ct);
            return TypedResults.Ok(View(hook, null));
        });
        api.MapDelete("/{id:int}", async (int projectId, int id, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Manage, ct);
            await DeleteAsync(db, access.Actor, projectId, id, ct);
            return TypedResults.NoContent();
        });
        api.MapGet("/{id:int}/deliveries", async (int projectId, int id, int? limit, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Read, ct);
            if (!await db.Set<Webhook>().AnyAsync(w => w.ProjectId == projectId && w.Id == id, ct)) throw ApiException.NotFound($"Webhook {id}");
            var rows = await db.Set<WebhookDelivery>().Where(d => d.WebhookId == id).OrderByDescending(d => d.Id).Take(Math.Clamp(limit ?? 100, 1, 500)).ToListAsync(ct);
            return TypedResults.Ok(rows.Select(d => new
            {
                id = d.Id, run_id = d.RunId, event_type = d.EventType, event_id = d.EventId, attempt = d.Attempt, status_code = d.StatusCode,
                error = d.Error, succeeded = d.Succeeded, at = d.At,
            }));
        });
    }

    /// <summary>Adds a webhook; returns its signing secret, which is shown once (like dbt Cloud's).</summary>
    public static async Task<(Webhook Hook, string? Secret)> CreateAsync(DeployDbContext db, SecretBox secrets, Actor actor, int projectId,
        WebhookRequest request, CancellationToken ct)
    {
        var kind = request.Kind ?? "webhook";
        if (kind is not ("webhook" or "slack")) throw ApiException.Invalid("kind", $"The kind '{kind}' is not known; expected webhook or slack.");
        var secret = kind == "webhook" ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) : null;
        var hook = new Webhook { ProjectId = projectId, Name = "", Kind = kind, Url = "", SecretProtected = secrets.Protect(secret), CreatedAt = DateTime.UtcNow };
        await ApplyAsync(db, hook, request, ct);
        db.Add(hook);
        await db.SaveChangesAsync(ct);
        new AuditLog(db).Record(actor.Display, "webhook.created", projectId, $"webhook {hook.Id}", hook.Name);
        await db.SaveChangesAsync(ct);
        return (hook, secret);
    }

    /// <summary>Changes name, URL, events, jobs and the active flag; reactivating clears the failure count.</summary>
    public static async Task UpdateAsync(DeployDbContext db, Actor actor, Webhook hook, WebhookRequest request, CancellationToken ct)
    {
        var wasActive = hook.Active;
        await ApplyAsync(db, hook, request, ct);
        if (hook.Active && !wasActive) hook.ConsecutiveFailures = 0;
        new AuditLog(db).Record(actor.Display, "webhook.updated", hook.ProjectId, $"webhook {hook.Id}", hook.Name);
        await db.SaveChangesAsync(ct);
    }

    public static async Task DeleteAsync(DeployDbContext db, Actor actor, int projectId, int id, CancellationToken ct)
    {
        if (await db.Set<Webhook>().Where(w => w.ProjectId == projectId && w.Id == id).ExecuteDeleteAsync(ct) == 0)
            throw ApiException.NotFound($"Webhook {id}");
        new AuditLog(db).Record(actor.Display, "webhook.deleted", projectId, $"webhook {id}");
        await db.SaveChangesAsync(ct);
    }

    public static IReadOnlyList<string> EventTypes => Events;

    private static async Task ApplyAsync(DeployDbContext db, Webhook hook, WebhookRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name)) throw ApiException.Invalid("name", "A webhook needs a name.");
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw ApiException.Invalid("url", $"The url '{request.Url}' is not an absolute http or https URL.");
        var events = request.EventTypes is { Length: > 0 } e ? e : Events;
        foreach (var type in events)
            if (!Events.Contains(type)) throw ApiException.Invalid("event_types", $"The event '{type}' is not known; expected one of {string.Join(", ", Events)}.");
        var jobs = request.JobIds ?? [];
        foreach (var job in jobs)
            if (!await db.Jobs.AnyAsync(j => j.Id == job && j.ProjectId == hook.ProjectId, ct))
                throw ApiException.Invalid("job_ids", $"Job {job} is not a job of project {hook.ProjectId}.");
        hook.Name = request.Name.Trim();
        hook.Url = url.ToString();
        hook.EventTypes = Json.Write(events.Distinct().ToArray());
        hook.JobIds = Json.Write(jobs.Distinct().ToArray());
        hook.Active = request.Active ?? hook.Active;
    }

    private static object View(Webhook w, string? secret) => new
    {
        id = w.Id, project_id = w.ProjectId, name = w.Name, kind = w.Kind, url = w.Url, event_types = Json.Read<string[]>(w.EventTypes, []),
        job_ids = Json.Read<int[]>(w.JobIds, []), active = w.Active, consecutive_failures = w.ConsecutiveFailures, created_at = w.CreatedAt, hmac_secret = secret,
    };
}
