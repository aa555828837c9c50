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
            var kind = request.Kind ?? "webhook";
            if (kind is not ("webhook" or "slack")) throw ApiException.Invalid("kind", $"The kind '{kind}' is not known; expected webhook or slack.");
            if (string.IsNullOrWhiteSpace(request.Name)) throw ApiException.Invalid("name", "A webhook needs a name.");
            if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                throw ApiException.Invalid("url", $"The url '{request.Url}' is not an absolute http or https URL.");
            var events = request.EventTypes is { Length: > 0 } e ? e : Events;
            foreach (var type in events)
                if (!Events.Contains(type)) throw ApiException.Invalid("event_types", $"The event '{type}' is not known; expected one of {string.Join(", ", Events)}.");
            // The signing secret is shown once, like dbt Cloud's.
            var secret = kind == "webhook" ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) : null;
            var hook = new Webhook
            {
                ProjectId = projectId, Name = request.Name.Trim(), Kind = kind, Url = url.ToString(), SecretProtected = secrets.Protect(secret),
                EventTypes = Json.Write(events), JobIds = Json.Write(request.JobIds ?? []), Active = request.Active ?? true, CreatedAt = DateTime.UtcNow,
            };
            db.Add(hook);
            await db.SaveChangesAsync(ct);
            new AuditLog(db).Record(access.Actor.Display, "webhook.created", projectId, $"webhook {hook.Id}", hook.Name);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/projects/{projectId}/webhooks/{hook.Id}", View(hook, secret));
        });
        api.MapDelete("/{id:int}", async (int projectId, int id, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Manage, ct);
            if (await db.Set<Webhook>().Where(w => w.ProjectId == projectId && w.Id == id).ExecuteDeleteAsync(ct) == 0)
                throw ApiException.NotFound($"Webhook {id}");
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

    private static object View(Webhook w, string? secret) => new
    {
        id = w.Id, project_id = w.ProjectId, name = w.Name, kind = w.Kind, url = w.Url, event_types = Json.Read<string[]>(w.EventTypes, []),
        job_ids = Json.Read<int[]>(w.JobIds, []), active = w.Active, consecutive_failures = w.ConsecutiveFailures, created_at = w.CreatedAt, hmac_secret = secret,
    };
}
