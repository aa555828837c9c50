using Slipway.Engine.Contexts;
using Slipway.Engine.Manifest;
using Slipway.Engine.Parsing;
using Slipway.Jinja;

namespace Slipway.Engine.Execution;

/// <summary>
/// Which <c>{% materialization %}</c> builds a node, by dbt's ranking: a version for the adapter beats
/// <c>adapter='default'</c> wherever it is defined; between equals, the root project beats installed packages,
/// which beat the built-ins. With the behaviour flag <c>require_explicit_package_overrides_for_builtin_materializations</c>
/// (true unless <c>flags:</c> sets it false, dbt 1.8+), an installed package cannot replace a built-in
/// materialization (view, table, incremental, …): its version is skipped. A root project that wants a package's
/// version re-declares it and calls the package's macro. The node's language must be among the materialization's
/// <c>supported_languages</c>.
/// </summary>
internal static class MaterializationLookup
{
    /// <summary>
    /// Our DuckDB <c>view</c>, <c>seed</c>, … versions are Slipway's own speed-ups; dbt-duckdb defines only <c>table</c>
    /// and <c>incremental</c> for DuckDB. Only those rank as adapter-specific, so a project's <c>adapter='default'</c>
    /// view still replaces the built-in one as it does under dbt.
    /// </summary>
    private static readonly HashSet<(string Adapter, string Name)> BuiltInAdapterSpecific = [("duckdb", "table"), ("duckdb", "incremental")];

    private enum Locality { Core = 1, Imported = 2, Root = 3 }

    private sealed record Candidate(string Package, string MacroName, bool AdapterSpecific, Locality Locality);

    /// <summary>The winner for each (adapter, materialization), ranked once per parsed project rather than per node.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ManifestLoader, System.Collections.Concurrent.ConcurrentDictionary<string, Candidate?>> Ranked = [];

    public static IJinjaCallable? Find(RenderScope scope, ManifestLoader loader, Manifest.Manifest manifest, string adapterType, string materialized, ManifestNode node,
        Action<string>? debug = null)
    {
        // Keyed by one string: a tuple key would JIT the dictionary's code at every start.
        var best = Ranked.GetOrCreateValue(loader).GetOrAdd(adapterType + "\u001f" + materialized, _ => Rank(scope, loader, adapterType, materialized, debug));
        if (best is null) return null;
        var languages = manifest.Macros.GetValueOrDefault($"macro.{best.Package}.{best.MacroName}")?.SupportedLanguages ?? ["sql"];
        if (!languages.Contains(node.Language))
            throw new CompilerException(
                $"Materialization \"{best.MacroName}\" only supports languages [{string.Join(", ", languages.Select(l => $"'{l}'"))}]; got \"{node.Language}\"");
        return scope.FindInPackage(best.Package, best.MacroName) as IJinjaCallable;
    }

    private static Candidate? Rank(RenderScope scope, ManifestLoader loader, string adapterType, string materialized, Action<string>? debug)
    {
        var candidates = new List<Candidate>();
        foreach (var package in loader.MacrosByPackage.Keys.Append(ManifestLoader.InternalPackage).Distinct())
        {
            var locality = package == ManifestLoader.InternalPackage ? Locality.Core : package == loader.Root.Name ? Locality.Root : Locality.Imported;
            foreach (var adapter in new[] { adapterType, "default" })
            {
                var name = $"materialization_{materialized}_{adapter}";
                if (scope.FindInPackage(package, name) is not IJinjaCallable) continue;
                var specific = adapter != "default" && (locality != Locality.Core || BuiltInAdapterSpecific.Contains((adapter, materialized)));
                candidates.Add(new Candidate(package, name, specific, locality));
            }
        }
        var ranked = candidates.OrderByDescending(c => c.AdapterSpecific).ThenByDescending(c => c.Locality).ToList();
        var best = ranked.FirstOrDefault();
        if (best is { Locality: Locality.Imported } && ranked.Any(c => c.Locality == Locality.Core) && RequireExplicitOverrides(loader))
        {
            debug?.Invoke($"The package '{best.Package}' defines the built-in materialization '{materialized}'; it is ignored because "
                + "require_explicit_package_overrides_for_builtin_materializations is true (re-declare it in the root project to use it).");
            best = ranked.FirstOrDefault(c => c.Locality != Locality.Imported);
        }
        return best;
    }

    /// <summary>The behaviour flag, true by default since dbt 1.8; <c>flags: {…: false}</c> restores package overrides.</summary>
    private static bool RequireExplicitOverrides(ManifestLoader loader) =>
        loader.Root.Flags.GetValueOrDefault("require_explicit_package_overrides_for_builtin_materializations") is not false;
}
