using Slipway.Deploy.Environments;

namespace Slipway.Deploy.Ui;

/// <summary>The environment form's fields as posted; turned into the API's request so the same rules apply.</summary>
public sealed class EnvironmentForm
{
    public string? Name { get; set; }
    public string Type { get; set; } = "deployment";
    public string? DeploymentType { get; set; } = "general";
    public string? EngineVersion { get; set; }
    public string? CustomBranch { get; set; }
    public int? ConnectionId { get; set; }
    public string? DatabaseOverride { get; set; }
    public int? Threads { get; set; }
    public string? TargetName { get; set; }
    public string? CredentialUser { get; set; }
    public string? CredentialPassword { get; set; }
    public string? CredentialSchema { get; set; }
    public bool AcknowledgeSharedCredentials { get; set; }

    internal static EnvironmentForm From(DeployEnvironment e) => new()
    {
        Name = e.Name, Type = e.Type, DeploymentType = e.DeploymentType, EngineVersion = e.EngineVersion, CustomBranch = e.CustomBranch,
        ConnectionId = e.ConnectionId, DatabaseOverride = e.DatabaseOverride, Threads = e.Threads, TargetName = e.TargetName,
        CredentialUser = e.CredentialUser, CredentialSchema = e.CredentialSchema,
    };

    internal EnvironmentEndpoints.EnvironmentRequest ToRequest() => new(Name, Type, Type == "development" ? null : DeploymentType, EngineVersion,
        CustomBranch, ConnectionId, DatabaseOverride, null, Threads, TargetName,
        Type == "development" ? null : new EnvironmentEndpoints.CredentialsRequest(CredentialUser, string.IsNullOrEmpty(CredentialPassword) ? null : CredentialPassword, CredentialSchema),
        AcknowledgeSharedCredentials);
}
