using Slipway.Engine.Compilation;
using Slipway.Engine.Compilation.Commands;
using Slipway.Engine.Contexts;
using Slipway.Engine.Logging;
using Slipway.Engine.Project;

namespace Slipway.Engine.Execution;

/// <summary>A parsed project with a connected adapter and a compiler whose templates see the run-time context.</summary>
internal sealed class ExecutionSession : IDisposable
{
    private ExecutionSession(ProjectSession project, ExecutionServices services)
    {
        Project = project;
        Services = services;
    }

    public ProjectSession Project { get; }
    public ExecutionServices Services { get; }

    public static ExecutionSession Open(RuntimeConfig config, EventLog log, ProjectSession? project = null)
    {
        project ??= ProjectSession.Load(config);
        var adapter = AdapterFactory.Create(config, project.Parse.Loader.Quoting);
        var compiler = new Compiler(project.Parse);
        var services = new ExecutionServices { Config = config, Parse = project.Parse, Compiler = compiler, Adapter = adapter, Log = log };
        compiler.RuntimeBinder = (scope, node) => new RunContext(services, node).Bind(scope);
        return new ExecutionSession(project, services);
    }

    public void Dispose() => Services.Adapter.Dispose();
}
