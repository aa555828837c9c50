using Slipway.Engine.Logging;

namespace Slipway.Engine.Project;

/// <summary>
/// A command the engine runs on a loaded project (<c>parse</c>, <c>compile</c>, <c>ls</c>, <c>run</c>, …). The CLI
/// loads the <see cref="RuntimeConfig"/>, prints the "Running with" header and hands over; the command returns dbt's
/// exit code (0 success, 1 a node failed). Exceptions it throws are reported by the CLI (exit 2).
/// </summary>
public interface IEngineCommand
{
    int Execute(RuntimeConfig config, EventLog log, CancellationToken cancellationToken);
}

/// <summary>
/// Where the CLI finds engine commands, by dbt command name (<see cref="Invocation.Command"/>: <c>parse</c>,
/// <c>docs generate</c>, <c>source freshness</c>, <c>list</c>). The parse/compile/run work registers its commands in
/// <see cref="Registered"/>; a command without an entry prints "not implemented yet".
/// </summary>
public static class EngineCommands
{
    private static readonly Dictionary<string, Func<IEngineCommand>> Registered = new(StringComparer.Ordinal)
    {
        ["parse"] = () => new Compilation.Commands.ParseCommand(),
        ["compile"] = () => new Compilation.Commands.CompileCommand(),
        ["list"] = () => new Compilation.Commands.ListCommand(),
        ["run"] = () => new Execution.Commands.RunCommand("run"),
        ["seed"] = () => new Execution.Commands.RunCommand("seed"),
        ["test"] = () => new Execution.Commands.RunCommand("test"),
        ["build"] = () => new Execution.Commands.RunCommand("build"),
        ["snapshot"] = () => new Execution.Commands.RunCommand("snapshot"),
        ["retry"] = () => new Execution.Commands.RunCommand("retry"),
        ["clone"] = () => new Execution.Commands.CloneCommand(),
        ["show"] = () => new Execution.Commands.ShowCommand(),
        ["run-operation"] = () => new Execution.Commands.RunOperationCommand(),
        ["source freshness"] = () => new Freshness.FreshnessCommand(),
        ["docs generate"] = () => new Docs.DocsGenerateCommand(),
        ["docs serve"] = () => new Docs.DocsServeCommand(),
    };

    public static IEngineCommand? Find(string command) =>
        Registered.TryGetValue(command == "ls" ? "list" : command, out var create) ? create() : null;
}
