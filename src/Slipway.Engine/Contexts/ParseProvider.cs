using Slipway.Engine.Manifest;
using Slipway.Engine.Parsing;
using Slipway.Engine.Project;
using Slipway.Jinja;

namespace Slipway.Engine.Contexts;

/// <summary>
/// dbt's ParseProvider: while parsing, <c>ref</c>/<c>source</c>/<c>config</c> record what a node asks for
/// (returning stand-in relations), <c>execute</c> is false and a missing <c>var</c> is None.
/// </summary>
internal sealed class ParseProvider(ManifestLoader loader, NodeDraft draft)
{
    public void Bind(RenderScope scope)
    {
        var node = draft.Node;
        var c = scope.Context;
        var quoting = loader.Quoting;
        c["execute"] = false;
        c["ref"] = new JinjaFunction("ref", a =>
        {
            Record("ref", a);
            var name = a.Positional.Count >= 2 ? a.Positional[1] : a.Get(0, "name");
            return quoting.Relation(node.Database, node.Schema, name?.ToString(), null);
        });
        c["source"] = new JinjaFunction("source", a =>
        {
            Record("source", a);
            return quoting.Relation(node.Database, a.Get(0, "source_name")?.ToString(), a.Get(1, "table_name")?.ToString(), null);
        });
        c["metric"] = new JinjaFunction("metric", a => { Record("metric", a); return ""; });
        c["config"] = new ConfigObject(Lookup, values =>
        {
            ConfigMerge.MergeInto(node.ConfigCallDict, values);
            ConfigMerge.MergeInto(node.UnrenderedConfigCallDict, values);
        });
        var vars = loader.VarsFor(node.PackageName);
        c["var"] = new JinjaFunction("var", a =>
        {
            var name = a.Get(0, "var_name") as string ?? "";
            return vars.TryGet(name, out var v) ? v : a.Get(1, "default");
        });
        c["this"] = quoting.Relation(node.Database, node.Schema, node.Alias, null);
        c["model"] = new LazyDictionary(() => NodeDicts.Of(node));
        c["_dbt_generic_test_kwargs"] = null;
    }

    private void Record(string function, Arguments a)
    {
        var keyword = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in a.Keyword) keyword[k] = PlainData.FromJinja(v);
        loader.RecordNodeCall(draft.Node, new StaticCall(function, a.Positional.Select(PlainData.FromJinja).ToList(), keyword));
    }

    private (bool, object?) Lookup(string key)
    {
        var node = draft.Node;
        if (node.ConfigCallDict.TryGetValue(key, out var v)) return (true, v);
        if (draft.PatchConfig is { } patch && patch.TryGetValue(key, out v)) return (true, v);
        if (draft.ProjectConfig.TryGetValue(key, out v)) return (true, v);
        return (false, null);
    }
}
