namespace Slipway.Deploy.Data;

/// <summary>A row per schema version applied to the metadata database (see <see cref="DatabaseSchema"/>).</summary>
internal sealed class SchemaVersion
{
    public int Version { get; set; }
    public DateTime AppliedAt { get; set; }
}
