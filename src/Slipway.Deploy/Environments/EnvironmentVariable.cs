namespace Slipway.Deploy.Environments;

/// <summary>
/// One value of a <c>DBT_</c> variable at one level: the project default (no environment, no job), an environment,
/// or a job. Precedence: project default &lt; environment &lt; job &lt; run override. Values of
/// <c>DBT_ENV_SECRET_</c> variables are stored encrypted and never returned.
/// </summary>
internal sealed class EnvironmentVariable
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public required string Name { get; set; }
    public int? EnvironmentId { get; set; }
    public int? JobId { get; set; }
    public string? Value { get; set; }
    public string? SecretValue { get; set; }
}
