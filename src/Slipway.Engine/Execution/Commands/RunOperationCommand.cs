using Slipway.Engine.Contexts;
using Slipway.Engine.Logging;
using Slipway.Engine.Project;
using Slipway.Jinja;

namespace Slipway.Engine.Execution.Commands;

/// <summary>
/// <c>slipway run-operation macro --args '{…}'</c>: calls a macro (<c>name</c> or <c>package.name</c>) with the
/// run-time context and the YAML/JSON arguments as keyword arguments, then commits. Exit 1 when it fails.
/// </summary>
internal sealed class RunOperationCommand : IEngineCommand
{
    public int Execute(RuntimeConfig config, EventLog log, CancellationToken cancellationToken)
    {
        var inv = config.Invocation;
        var macroName = inv.Arguments.FirstOrDefault() ?? throw new ProjectException("run-operation needs the name of a macro: slipway run-operation MACRO [--args '{...}']");
        var args = inv.GetString("args") is { } text ? Invocation.ParseVars(text) : DbtProject.Empty;
        using var session = ExecutionSession.Open(config, log);
        var services = session.Services;
        var host = services.Parse.Loader.Jinja;
        var scope = host.Rent(runtime: true);
        try
        {
            // dbt's macro context for an operation has ref, source and var (resolved as from the root project) but
            // no node of its own: no this, no model.
            new RuntimeProvider(services.Compiler, session.Project.Parse.Loader.CreateInlineNode("")).Bind(scope);
            scope.Context.Remove("this");
            scope.Context.Remove("model");
            new RunContext(services, null).Bind(scope);
            scope.Context["execute"] = true;
            var dot = macroName.IndexOf('.');
            var macro = (dot > 0 ? scope.FindInPackage(macroName[..dot], macroName[(dot + 1)..]) : scope.FindGlobal(macroName)) as IJinjaCallable;
            if (macro is null)
            {
                log.Error($"Encountered an error while running operation: Compilation Error\n  dbt could not find a macro with the name '{macroName}' in any package");
                return 1;
            }
            try
            {
                macro.Call(new Arguments([], args.ToDictionary(kv => kv.Key, kv => kv.Value)));
            }
            catch (JinjaReturnException) { }
            services.Adapter.Commit();
            return 0;
        }
        catch (Exception e) when (e is CompilerException or TemplateError or JinjaRuntimeException or Slipway.Adapters.AdapterException)
        {
            log.Error($"Encountered an error while running operation: {e.Message}");
            log.StackTrace(e);
            return 1;
        }
        finally
        {
            host.Release(scope);
        }
    }
}
