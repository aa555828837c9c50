namespace Slipway.Deploy.Audit;

/// <summary>One line of the audit log: who did what to which object. Never holds a secret value.</summary>
internal sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public int? ProjectId { get; set; }
    public string? Target { get; set; }
    public string? Detail { get; set; }
}
