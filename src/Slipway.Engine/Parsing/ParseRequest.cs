using Slipway.Engine.Project;

namespace Slipway.Engine.Parsing;

/// <summary>What parsing needs: the root project, its installed packages, the target and the command-line vars.</summary>
public sealed class ParseRequest
{
    public required DbtProject Root { get; init; }
    /// <summary>Installed dependency projects (dbt_packages/*), excluding the root.</summary>
    public IReadOnlyList<DbtProject> Packages { get; init; } = [];
    public required Target Target { get; init; }
    public IReadOnlyDictionary<string, object?> CliVars { get; init; } = DbtProject.Empty;
    public EnvironmentVariables Environment { get; init; } = new(new Dictionary<string, string>());
    public string DbtVersion { get; init; } = SlipwayVersion.DbtVersion;
    public string InvocationId { get; init; } = Guid.NewGuid().ToString();
    public DateTimeOffset RunStartedAt { get; init; } = DateTimeOffset.UtcNow;
    /// <summary>The command line, when there is one: Jinja's <c>flags</c> and <c>invocation_args_dict</c> come from it.</summary>
    public Invocation? Invocation { get; init; }
}
