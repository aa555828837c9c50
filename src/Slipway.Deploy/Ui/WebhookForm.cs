using Slipway.Deploy.Notifications;

namespace Slipway.Deploy.Ui;

/// <summary>The settings form that adds or edits a project's webhook.</summary>
public sealed class WebhookForm
{
    public int ProjectId { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Url { get; set; }
    public string[]? EventTypes { get; set; }
    public bool Active { get; set; }

    /// <summary>The API's request; the job filter (set through the API) is kept as it is.</summary>
    internal WebhookEndpoints.WebhookRequest ToRequest(int[]? jobIds) =>
        // The API reads "no events" as all of them; in a form with every event shown, none checked is a mistake.
        EventTypes is { Length: > 0 } events
            ? new(Name, Kind, Url, events, jobIds, Active)
            : throw Api.ApiException.Invalid("event_types", "Pick at least one event to send.");
}
