using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Slipway.Deploy.Tests.Support;
using Slipway.Deploy.Tests.Workers;

namespace Slipway.Deploy.Tests.Notifications;

/// <summary>Webhooks signed like dbt Cloud's, retried and disabled after repeated failures; e-mail through SMTP.</summary>
public sealed class NotificationTests : IClassFixture<WorkerService>, IDisposable
{
    private readonly WorkerService workers;
    private readonly SmtpReceiver smtp = new();

    public NotificationTests(WorkerService workers)
    {
        this.workers = workers;
        var settings = workers.Service.Factory.Options.Notifications;
        settings.WebhookRetries = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500)];
        settings.WebhookTimeout = TimeSpan.FromSeconds(10);
        settings.SmtpHost = "127.0.0.1";
        settings.SmtpPort = smtp.Port;
    }

    public void Dispose() => smtp.Dispose();

    private static readonly (string, string)[] FailingProject =
    [
        ("models/orders.sql", "select null as id\n"),
        ("models/schema.yml", "version: 2\nmodels:\n  - name: orders\n    columns:\n      - name: id\n        data_tests: [not_null]\n"),
    ];

    private static async Task UntilAsync(Func<bool> condition, Func<string> what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what()}.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_webhook_receives_signed_dbt_Cloud_payloads_and_the_failure_list_gets_an_email()
    {
        using var receiver = new WebhookReceiver();
        var (admin, projectId, environmentId, _, _) = await workers.ProjectAsync(FailingProject);
        var hook = await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{projectId}/webhooks",
            new { name = "ci", url = receiver.Url, event_types = new[] { "job.run.started", "job.run.completed", "job.run.errored" } }, HttpStatusCode.Created);
        var secret = hook.GetProperty("hmac_secret").GetString()!;
        var jobId = await workers.JobAsync(admin, projectId, environmentId, new
        {
            commands = new[] { "dbt build" }, notifications = new { on_failure = new[] { "oncall@example.com" }, on_success = new[] { "team@example.com" } },
        });
        var runId = await WorkerService.RunNowAsync(admin, projectId, jobId);
        Assert.Equal(20, (await WorkerService.WaitAsync(admin, projectId, runId)).GetProperty("status").GetInt32());

        await UntilAsync(() => receiver.Requests.Count >= 3, () => "three webhook events");
        var events = new Dictionary<string, JsonElement>();
        foreach (var (body, authorization) in receiver.Requests)
        {
            var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
            Assert.Equal(expected, authorization);
            var payload = JsonDocument.Parse(body).RootElement.Clone();
            events[payload.GetProperty("eventType").GetString()!] = payload;
        }
        Assert.Equal(["job.run.completed", "job.run.errored", "job.run.started"], events.Keys.Order().ToArray());
        var completed = events["job.run.completed"].GetProperty("data");
        Assert.Equal(($"{runId}", $"{jobId}", "Error", 20), (completed.GetProperty("runId").GetString(), completed.GetProperty("jobId").GetString(),
            completed.GetProperty("runStatus").GetString(), completed.GetProperty("runStatusCode").GetInt32()));
        Assert.Equal("Running", events["job.run.started"].GetProperty("data").GetProperty("runStatus").GetString());

        await UntilAsync(() => !smtp.Messages.IsEmpty, () => "the e-mail");
        var (recipients, data) = Assert.Single(smtp.Messages);
        Assert.Equal(["oncall@example.com"], recipients);
        Assert.Contains($"run {runId} Error", data);
    }

    [Fact]
    public async Task Failed_deliveries_are_retried_logged_and_the_webhook_is_disabled_after_five_in_a_row()
    {
        using var receiver = new WebhookReceiver { Status = 500 };
        var (admin, projectId, environmentId, _, _) = await workers.ProjectAsync(FailingProject);
        var hook = await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{projectId}/webhooks",
            new { name = "down", url = receiver.Url }, HttpStatusCode.Created);
        var hookId = hook.GetProperty("id").GetInt32();
        var jobId = await workers.JobAsync(admin, projectId, environmentId, new { commands = new[] { "dbt build" } });

        // Each failing run sends three events (started, completed, errored): two runs make six failed deliveries.
        for (var i = 0; i < 2; i++)
            await WorkerService.WaitAsync(admin, projectId, await WorkerService.RunNowAsync(admin, projectId, jobId));
        await UntilAsync(() => receiver.Requests.Count >= 15, () => $"three attempts of five deliveries ({receiver.Requests.Count} requests) ");

        // The fifth failed delivery is recorded just after its last attempt's response (later on a busy machine).
        JsonElement state;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            await Task.Delay(250);
            var hooks = await Http.SendAsync(admin, HttpMethod.Get, $"/api/v1/projects/{projectId}/webhooks", null, HttpStatusCode.OK);
            state = hooks.EnumerateArray().Single(h => h.GetProperty("id").GetInt32() == hookId);
        }
        while (state.GetProperty("active").GetBoolean() && DateTime.UtcNow < deadline);
        Assert.False(state.GetProperty("active").GetBoolean());
        Assert.True(state.GetProperty("consecutive_failures").GetInt32() >= 5);
        var log = await Http.SendAsync(admin, HttpMethod.Get, $"/api/v1/projects/{projectId}/webhooks/{hookId}/deliveries?limit=500", null, HttpStatusCode.OK);
        var first = log.EnumerateArray().GroupBy(d => d.GetProperty("event_id").GetString()).First();
        Assert.Equal([1, 2, 3], first.Select(d => d.GetProperty("attempt").GetInt32()).Order().ToArray());
        Assert.All(first, d => Assert.Equal((500, false), (d.GetProperty("status_code").GetInt32(), d.GetProperty("succeeded").GetBoolean())));
    }
}
