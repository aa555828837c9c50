using System.Diagnostics;
using System.Globalization;
using Slipway.Engine.Execution;
using Slipway.Engine.Logging;
using Slipway.Engine.Project;

namespace Slipway.Engine.Docs;

/// <summary>
/// <c>slipway docs generate [--no-compile] [--empty-catalog] [--static]</c>: compile the selected nodes (all by
/// default), write manifest.json, query the catalog (one query per schema) into catalog.json, and write the
/// documentation site into the target folder.
/// </summary>
internal sealed class DocsGenerateCommand : IEngineCommand
{
    private static readonly IReadOnlySet<string> Compilable =
        new HashSet<string>(StringComparer.Ordinal) { "model", "test", "snapshot", "analysis", "seed" };

    public int Execute(RuntimeConfig config, EventLog log, CancellationToken cancellationToken)
    {
        var inv = config.Invocation;
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        using var session = ExecutionSession.Open(config, log);
        var manifest = session.Project.Manifest;
        var lap = TimeSpan.Zero;
        void Timing(string step)
        {
            log.Debug(string.Format(CultureInfo.InvariantCulture, "docs generate: {0} in {1:0.000}s", step, (clock.Elapsed - lap).TotalSeconds));
            lap = clock.Elapsed;
        }
        Timing("parse");
        if (inv.Compile)
        {
            var selected = session.Project.Select(Compilable);
            var nodes = manifest.Nodes.Values.Where(n => selected.Contains(n.UniqueId)).ToList();
            session.Services.Compiler.Compile(nodes);
            session.Services.Compiler.WriteCompiled(nodes, config.Project.RootPath,
                Path.GetRelativePath(config.Project.RootPath, config.TargetPath).Replace('\\', '/'));
            Timing($"compile of {nodes.Count} nodes");
        }
        session.Project.WriteManifest();
        Timing("manifest.json");

        Catalog catalog;
        if (inv.GetBool("empty_catalog")) catalog = Catalog.Empty();
        else
        {
            log.Info("Building catalog", "BuildingCatalog");
            catalog = Catalog.Query(manifest, session.Services.Adapter, cancellationToken);
            foreach (var error in catalog.Errors) log.Warn(error, "CatalogGenerationError");
            Timing($"catalog ({catalog.SchemaQueries} schema queries)");
        }
        var catalogPath = Path.Combine(config.TargetPath, "catalog.json");
        CatalogWriter.Write(catalogPath, catalog, manifest.Metadata.InvocationId, started);
        var page = DocsSiteWriter.Write(config.TargetPath, manifest, catalog, config.Project.Name, inv.GetBool("static"));
        Timing($"catalog.json and site ({page})");
        log.Info($"Catalog written to {Path.GetFullPath(catalogPath)}", "CatalogWritten");
        return catalog.Errors.Count > 0 ? 1 : 0;
    }
}
