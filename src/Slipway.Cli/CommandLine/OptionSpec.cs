namespace Slipway.Cli.CommandLine;

/// <summary>How an option consumes the command line.</summary>
internal enum OptionKind
{
    /// <summary><c>--full-refresh</c> (and <c>--no-full-refresh</c> when a negative spelling exists).</summary>
    Flag,
    /// <summary><c>--target dev</c> or <c>--target=dev</c>.</summary>
    Value,
    /// <summary><c>--select a b --select c</c>: every following word up to the next option, accumulated.</summary>
    Multi,
}

/// <summary>
/// One option of dbt's command line: its snake_case flag name (the key in <c>flags</c>), spellings, kind, the
/// <c>DBT_*</c> variable that supplies a default, allowed values, and the commands that accept it (null: all).
/// </summary>
internal sealed record OptionSpec(
    string Name,
    string[] Spellings,
    OptionKind Kind,
    string? Negative = null,
    string? EnvVar = null,
    string[]? Choices = null,
    bool IsInt = false,
    string[]? Commands = null)
{
    public string Display => Spellings[0];

    public bool AppliesTo(string command) => Commands is null || Commands.Contains(command);
}
