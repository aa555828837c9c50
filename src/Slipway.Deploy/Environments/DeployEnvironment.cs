namespace Slipway.Deploy.Environments;

/// <summary>
/// dbt Cloud's environment: where and as whom a project runs. One <c>development</c> environment per project;
/// any number of <c>deployment</c> ones, of which at most one <c>staging</c> and one <c>production</c>.
/// </summary>
internal sealed class DeployEnvironment
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public required string Name { get; set; }
    /// <summary><c>development</c> or <c>deployment</c>.</summary>
    public required string Type { get; set; }
    /// <summary><c>general</c>, <c>staging</c> or <c>production</c> for deployment environments; null otherwise.</summary>
    public string? DeploymentType { get; set; }
    /// <summary>Null for the built-in engine, else the path of another engine executable.</summary>
    public string? EngineVersion { get; set; }
    public string? CustomBranch { get; set; }
    public int? ConnectionId { get; set; }
    public string? DatabaseOverride { get; set; }
    public string? DuckDbPathOverride { get; set; }
    public int? Threads { get; set; }
    public string TargetName { get; set; } = "default";
    public string? CredentialUser { get; set; }
    public string? CredentialPasswordSecret { get; set; }
    public string? CredentialSchema { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
