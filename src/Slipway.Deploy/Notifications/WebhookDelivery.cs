namespace Slipway.Deploy.Notifications;

/// <summary>One attempt to deliver one event to one webhook (the delivery log).</summary>
internal sealed class WebhookDelivery
{
    public long Id { get; set; }
    public int WebhookId { get; set; }
    public int RunId { get; set; }
    public required string EventType { get; set; }
    public required string EventId { get; set; }
    public int Attempt { get; set; }
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
    public bool Succeeded { get; set; }
    public DateTime At { get; set; }
}
