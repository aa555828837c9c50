using Slipway.Engine.Logging;
using Slipway.Engine.Project;

namespace Slipway.Engine.Compilation.Commands;

/// <summary><c>slipway parse</c>: load the project into a manifest; write target/manifest.json and perf_info.json.</summary>
internal sealed class ParseCommand : IEngineCommand
{
    public int Execute(RuntimeConfig config, EventLog log, CancellationToken cancellationToken)
    {
        var session = ProjectSession.Load(config);
        session.WriteManifest();
        var perf = session.WritePerfInfo();
        var m = session.Manifest;
        log.Info($"Found {m.Nodes.Count} nodes, {m.Sources.Count} sources, {m.Macros.Count} macros, {m.Exposures.Count} exposures", "FoundStats");
        log.Info($"Performance info: {perf}", "ParsePerfInfoPath");
        return 0;
    }
}
