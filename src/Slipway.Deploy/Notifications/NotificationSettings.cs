namespace Slipway.Deploy.Notifications;

/// <summary>Where e-mail goes out and how webhook deliveries are retried.</summary>
public sealed class NotificationSettings
{
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public string SmtpFrom { get; set; } = "slipway@localhost";
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    public bool SmtpSsl { get; set; }

    /// <summary>Delays before the second, third, … attempt of a webhook delivery.</summary>
    public IReadOnlyList<TimeSpan> WebhookRetries { get; set; } = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)];

    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Failed deliveries in a row after which a webhook is disabled.</summary>
    public int DisableAfterFailures { get; set; } = 5;
}
