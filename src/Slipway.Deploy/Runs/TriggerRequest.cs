namespace Slipway.Deploy.Runs;

/// <summary>A request to run a job now, with dbt Cloud's override fields (v1 and v2 share it).</summary>
internal sealed record TriggerRequest(
    string? Cause,
    string? GitBranch,
    string? GitSha,
    string? SchemaOverride,
    string? TargetNameOverride,
    int? ThreadsOverride,
    string[]? StepsOverride,
    bool? GenerateDocsOverride,
    int? TimeoutSecondsOverride,
    Dictionary<string, string>? EnvironmentVariables);

/// <summary>
/// What is stored of a trigger's overrides; override variable values are kept encrypted. A retry from failure
/// also names the run it retries and that run's first step that did not succeed (it and the steps after it run again).
/// </summary>
internal sealed record RunOverrides(
    string? SchemaOverride,
    string? TargetNameOverride,
    int? ThreadsOverride,
    string[]? StepsOverride,
    bool? GenerateDocsOverride,
    int? TimeoutSecondsOverride,
    string[]? EnvironmentVariableNames,
    string? EnvironmentVariablesSecret,
    int? RetryOfRunId = null,
    int? RetryFromStep = null);
