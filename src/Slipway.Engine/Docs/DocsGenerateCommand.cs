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
        if (inv.Compile)
        {
            var selected = session.Project.Select(Compilable);
            var nodes = manifest.Nodes.Values.Where(n => selected.Contains(n.UniqueId)).ToList();
            session.Services.Compiler.Compile(nodes);
            session.Services.Compiler.WriteCompiled(nodes, config.Project.RootPath,
                Path.GetRelativePath(config.Project.RootPath, config.TargetPath).Replace('\\', '/'));
            log.Debug($"Compiled {nodes.Count} nodes in {clock.Elapsed.TotalSeconds:0.00}s");
        }
        session.Project.WriteManifest();

        Catalog catalog;
        if (inv.GetBool("empty_catalog")) catalog = Catalog.Empty();
        else
        {
            log.Info("Building catalog", "BuildingCatalog");
            catalog = Catalog.Query(manifest, session.Services.Adapter, cancellationToken);
            foreach (var error in catalog.Errors) log.Warn(error, "CatalogGenerationError");
        }
        var catalogPath = Path.Combine(config.TargetPath, "catalog.json");
        CatalogWriter.Write(catalogPath, catalog, manifest.Metadata.InvocationId, started);
        var page = DocsSiteWriter.Write(config.TargetPath, manifest, catalog, config.Project.Name, inv.GetBool("static"));
        log.Info($"Catalog written to {Path.GetFullPath(catalogPath)}", "CatalogWritten");
        log.Debug(string.Format(CultureInfo.InvariantCulture, "Documentation site {0} written in {1:0.00}s", page, clock.Elapsed.TotalSeconds));
        return catalog.Errors.Count > 0 ? 1 : 0;
    }
}
