using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Slipway.Deploy.Api;
using Slipway.Deploy.Data;
using Slipway.Deploy.Runs;
using Slipway.Deploy.Secrets;

namespace Slipway.Deploy.Notifications;

/// <summary>
/// Sends a run's events: webhooks (dbt Cloud's payload, <c>Authorization</c> = hex HMAC-SHA256 of the body with the
/// webhook's secret, retried with backoff, every attempt logged, disabled after repeated failures), Slack-compatible
/// messages and e-mail. Deliveries go on in the background so a slow receiver never holds a worker slot.
/// </summary>
internal sealed class Notifier(IServiceScopeFactory scopes, NotificationSettings settings, IHttpClientFactory http, ILogger<Notifier> logger)
{
    public const string Started = "job.run.started";
    public const string Completed = "job.run.completed";
    public const string Errored = "job.run.errored";

    private readonly List<Task> pending = [];

    /// <summary>Waits for deliveries in flight (tests, and a node that stops).</summary>
    public Task IdleAsync()
    {
        lock (pending) return Task.WhenAll(pending.ToArray());
    }

    public void RunStarted(int runId) => Queue(runId, [Started], staleSources: false);

    public void RunFinished(int runId, int status, bool staleSources) =>
        Queue(runId, status == RunStatus.Error ? [Completed, Errored] : [Completed], staleSources);

    private void Queue(int runId, string[] events, bool staleSources)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await SendAsync(runId, events, staleSources);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                logger.LogWarning(e, "Notifications of run {RunId} failed", runId);
            }
        });
        lock (pending)
        {
            pending.RemoveAll(t => t.IsCompleted);
            pending.Add(task);
        }
    }

    private async Task SendAsync(int runId, string[] events, bool staleSources)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DeployDbContext>();
        var secrets = scope.ServiceProvider.GetRequiredService<SecretBox>();
        if (await RunNotice.LoadAsync(db, runId, staleSources, CancellationToken.None) is not { } notice) return;
        var hooks = await db.Set<Webhook>().AsNoTracking().Where(w => w.ProjectId == notice.ProjectId && w.Active).ToListAsync();
        var deliveries = new List<Task>();
        foreach (var hook in hooks)
        {
            var jobs = Json.Read<int[]>(hook.JobIds, []);
            if (jobs.Length > 0 && (notice.JobId is null || !jobs.Contains(notice.JobId.Value))) continue;
            foreach (var type in events.Where(e => Json.Read<string[]>(hook.EventTypes, []).Contains(e)))
                deliveries.Add(DeliverAsync(new Target(hook.Id, hook.Name, hook.Kind, hook.Url, secrets.Unprotect(hook.SecretProtected)), type, notice));
        }
        // A job's own webhook (its notifications' webhook_url and signing secret) hears every event of the job's runs.
        if (notice.JobId is { } jobId && await db.Jobs.AsNoTracking().Where(j => j.Id == jobId).Select(j => new { j.Name, j.Notifications, j.WebhookSecret }).FirstOrDefaultAsync() is { } job
            && Json.Read<Dictionary<string, JsonElement>>(job.Notifications, []).GetValueOrDefault("webhook_url") is { ValueKind: JsonValueKind.String } url)
            foreach (var type in events)
                deliveries.Add(DeliverAsync(new Target(0, job.Name, "webhook", url.GetString()!, secrets.Unprotect(job.WebhookSecret)), type, notice));
        if (events.Contains(Completed)) deliveries.Add(MailAsync(db, notice));
        await Task.WhenAll(deliveries);
    }

    /// <summary>Where an event goes; <see cref="Id"/> is 0 for a job's own webhook (logged, never disabled).</summary>
    private sealed record Target(int Id, string Name, string Kind, string Url, string? Secret);

    private async Task DeliverAsync(Target hook, string eventType, RunNotice notice)
    {
        var eventId = Guid.NewGuid().ToString("N");
        var body = hook.Kind == "slack" ? SlackBody(eventType, notice) : Payload(hook, eventType, eventId, notice);
        var secret = hook.Secret;
        for (var attempt = 1; ; attempt++)
        {
            int? code = null;
            string? error = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                if (secret is not null) request.Headers.TryAddWithoutValidation("Authorization", Sign(secret, body));
                using var client = http.CreateClient("slipway-webhooks");
                client.Timeout = settings.WebhookTimeout;
                using var response = await client.SendAsync(request);
                code = (int)response.StatusCode;
                if (!response.IsSuccessStatusCode) error = $"The receiver answered {code}.";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                error = e.Message;
            }
            var ok = error is null;
            var last = ok || attempt > settings.WebhookRetries.Count;
            await RecordAsync(hook.Id, notice.RunId, eventType, eventId, attempt, code, error, ok, last);
            if (ok || attempt > settings.WebhookRetries.Count) return;
            await Task.Delay(settings.WebhookRetries[attempt - 1]);
        }
    }

    /// <summary>Logs an attempt; a delivery whose last attempt failed counts towards disabling the webhook, a success resets the count.</summary>
    private async Task RecordAsync(int hookId, int runId, string eventType, string eventId, int attempt, int? code, string? error, bool ok, bool last)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DeployDbContext>();
        db.Add(new WebhookDelivery { WebhookId = hookId, RunId = runId, EventType = eventType, EventId = eventId, Attempt = attempt, StatusCode = code, Error = error, Succeeded = ok, At = DateTime.UtcNow });
        await db.SaveChangesAsync();
        if (hookId == 0 || !last) return;
        if (ok)
        {
            await db.Set<Webhook>().Where(w => w.Id == hookId).ExecuteUpdateAsync(s => s.SetProperty(w => w.ConsecutiveFailures, 0));
            return;
        }
        var limit = settings.DisableAfterFailures;
        await db.Set<Webhook>().Where(w => w.Id == hookId).ExecuteUpdateAsync(s => s
            .SetProperty(w => w.ConsecutiveFailures, w => w.ConsecutiveFailures + 1)
            .SetProperty(w => w.Active, w => w.ConsecutiveFailures + 1 < limit));
    }

    public static string Sign(string secret, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    /// <summary>dbt Cloud's webhook body: ids as strings, camelCase names.</summary>
    private static string Payload(Target hook, string eventType, string eventId, RunNotice n) => JsonSerializer.Serialize(new
    {
        accountId = "1", webhooksID = hook.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), eventId,
        timestamp = DateTime.UtcNow.ToString("o", System.Globalization.CultureInfo.InvariantCulture), eventType, webhookName = hook.Name,
        data = new
        {
            jobId = n.JobId?.ToString(System.Globalization.CultureInfo.InvariantCulture), jobName = n.JobName,
            projectName = n.ProjectName, projectId = n.ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            environmentName = n.EnvironmentName, environmentId = n.EnvironmentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            runReason = n.Cause, runId = n.RunId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            runStatus = eventType == Started ? "Running" : n.StatusName, runStatusCode = eventType == Started ? RunStatus.Running : n.Status,
            runStatusMessage = n.StatusMessage, runStartedAt = n.StartedAt, runFinishedAt = eventType == Started ? null : n.FinishedAt,
            staleSources = n.StaleSources,
        },
    });

    private static string SlackBody(string eventType, RunNotice n) => JsonSerializer.Serialize(new { text = Summary(eventType, n) });

    private static string Summary(string eventType, RunNotice n) => eventType == Started
        ? $"Run {n.RunId} of job {n.JobName ?? "(development)"} in {n.ProjectName} started: {n.Cause}"
        : $"Run {n.RunId} of job {n.JobName ?? "(development)"} in {n.ProjectName} ended {n.StatusName}: {n.StatusMessage}"
          + (n.StaleSources ? " Source freshness found stale sources." : "");

    private async Task MailAsync(DeployDbContext db, RunNotice notice)
    {
        if (settings.SmtpHost is null || notice.JobId is not { } jobId) return;
        var settingsJson = Json.Read<Dictionary<string, JsonElement>>(await db.Jobs.Where(j => j.Id == jobId).Select(j => j.Notifications).FirstOrDefaultAsync(), []);
        var lists = settingsJson.Where(p => p.Value.ValueKind == JsonValueKind.Array)
            .ToDictionary(p => p.Key, p => p.Value.EnumerateArray().Select(a => a.GetString() ?? "").Where(a => a.Length > 0).ToArray());
        var key = notice.Status switch { RunStatus.Success => "on_success", RunStatus.Cancelled => "on_cancel", _ => "on_failure" };
        var to = lists.GetValueOrDefault(key, []).AsEnumerable();
        // Stale sources do not fail the run, but the people who hear about failures hear about them.
        if (notice.StaleSources && key != "on_failure") to = to.Concat(lists.GetValueOrDefault("on_failure", []));
        var recipients = to.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (recipients.Count == 0) return;
        await Mailer.SendAsync(settings, recipients, $"[slipway] {notice.ProjectName}: {notice.JobName} run {notice.RunId} {notice.StatusName}",
            Summary(Completed, notice));
    }
}
