namespace Slipway.Deploy.Notifications;

/// <summary>
/// A project's outgoing webhook: dbt Cloud-shaped JSON signed with HMAC-SHA256 (<c>kind = webhook</c>), or a
/// Slack-compatible incoming-webhook message (<c>kind = slack</c>). Disabled after 5 failed deliveries in a row.
/// </summary>
internal sealed class Webhook
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public required string Url { get; set; }
    /// <summary>The signing secret, encrypted (webhooks only).</summary>
    public string? SecretProtected { get; set; }
    /// <summary>JSON array of event types (<c>job.run.started</c>, <c>job.run.completed</c>, <c>job.run.errored</c>).</summary>
    public string EventTypes { get; set; } = "[]";
    /// <summary>JSON array of job ids; empty for every job of the project.</summary>
    public string JobIds { get; set; } = "[]";
    public bool Active { get; set; } = true;
    public int ConsecutiveFailures { get; set; }
    public DateTime CreatedAt { get; set; }
}
