namespace Slipway.Deploy.Connections;

/// <summary>A warehouse the project's environments run against: DuckDB (a file) or PostgreSQL (a server).</summary>
internal sealed class Connection
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public required string Name { get; set; }
    /// <summary><c>duckdb</c> or <c>postgres</c>.</summary>
    public required string Type { get; set; }
    public string? Path { get; set; }
    public string? Host { get; set; }
    public int? Port { get; set; }
    public string? Database { get; set; }
    public DateTime CreatedAt { get; set; }
}
