using System.Globalization;
using Slipway.Engine.Manifest;
using Slipway.Engine.Project;

namespace Slipway.Engine.Parsing;

internal sealed partial class ManifestLoader
{
    private static string ConfigTreeType(ManifestNode node) => node switch
    {
        SingularTestNode or GenericTestNode => "test",
        AnalysisNode => "analysis",
        _ => node.ResourceType.ToDbtString(),
    };

    private void ResolveProjectConfigs()
    {
        foreach (var draft in _draftOrder)
            draft.ProjectConfig = _resolver.Resolve(draft.Node.PackageName, ConfigTreeType(draft.Node), draft.Node.Fqn);
    }

    /// <summary>Records what the statically parsed nodes call; sends the rest through Jinja.</summary>
    private void RenderNodes()
    {
        var dynamic = new List<NodeDraft>();
        foreach (var draft in _draftOrder)
        {
            if (draft.Node is SeedNode) continue;
            if (draft.Static is { } st)
            {
                foreach (var call in st.Calls) RecordNodeCall(draft.Node, call);
                draft.Rendered = true;
            }
            else dynamic.Add(draft);
        }
        if (dynamic.Count > 0) RenderWithJinja(dynamic);
    }

    /// <summary>Applies one <c>ref</c>/<c>source</c>/<c>config</c> call to the node being parsed.</summary>
    internal void RecordNodeCall(ManifestNode node, StaticCall call)
    {
        if (call.Function == "config")
        {
            var values = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
            foreach (var p in call.Positional)
                if (p is IDictionary<string, object?> d) foreach (var (k, v) in d) values[k] = v;
            foreach (var (k, v) in call.Keyword) values[k] = v;
            ConfigMerge.MergeInto(node.ConfigCallDict, values);
            ConfigMerge.MergeInto(node.UnrenderedConfigCallDict, values);
            return;
        }
        RecordCall(node.Refs, node.Sources, node.Metrics, call);
    }

    internal static void RecordCall(List<RefCall> refs, List<string[]> sources, List<string[]> metrics, StaticCall call)
    {
        string? S(object? o) => o is null ? null : Convert.ToString(o, CultureInfo.InvariantCulture);
        switch (call.Function)
        {
            case "ref":
                var version = S(call.Keyword.GetValueOrDefault("v") ?? call.Keyword.GetValueOrDefault("version"));
                var r = call.Positional.Count switch
                {
                    1 => new RefCall(S(call.Positional[0])!, null, version),
                    >= 2 => new RefCall(S(call.Positional[1])!, S(call.Positional[0]), version),
                    _ => null,
                };
                if (r is not null) refs.Add(r);
                break;
            case "source" when call.Positional.Count >= 2:
                sources.Add([S(call.Positional[0])!, S(call.Positional[1])!]);
                break;
            case "metric" when call.Positional.Count >= 1:
                metrics.Add(call.Positional.Select(p => S(p)!).ToArray());
                break;
        }
    }

    /// <summary>
    /// Final config = defaults ⊕ dbt_project.yml ⊕ properties ⊕ <c>config()</c>; then the node fields dbt derives
    /// from it (tags, meta, group, docs, access, contract) and disabled nodes move to <c>disabled</c>.
    /// </summary>
    private void FinaliseConfigs()
    {
        foreach (var draft in _draftOrder)
        {
            var node = draft.Node;
            var config = ConfigDefaults.For(node is SingularTestNode ? ResourceType.Test : node.ResourceType);
            var unrendered = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
            foreach (var layer in new[] { draft.ProjectConfig, draft.PatchConfig, node.ConfigCallDict })
            {
                if (layer is null) continue;
                ConfigMerge.MergeInto(config, layer);
                ConfigMerge.MergeInto(unrendered, layer);
            }
            ApplyConfig(node, config, unrendered);
        }
        foreach (var draft in _draftOrder.Where(d => !d.Node.Config.Enabled).ToList())
        {
            _manifest.Nodes.Remove(draft.Node.UniqueId);
            AddDisabled(draft.Node);
        }
    }

    private static void ApplyConfig(ManifestNode node, OrderedDictionary<string, object?> config, OrderedDictionary<string, object?> unrendered)
    {
        config["pre-hook"] = ConfigDefaults.NormaliseHooks(config.GetValueOrDefault("pre-hook"));
        config["post-hook"] = ConfigDefaults.NormaliseHooks(config.GetValueOrDefault("post-hook"));
        config["tags"] = ConfigMerge.Listify(config.GetValueOrDefault("tags"));
        node.Config = new NodeConfig(config);
        node.UnrenderedConfig = unrendered;
        node.Tags = node.Tags.Concat(node.Config.Tags).Distinct().ToList();
        if (node is GenericTestNode) node.Tags.Sort(StringComparer.Ordinal);
        node.Meta = node.Config.Meta;
        node.Group = node.Config.Group ?? node.Group;
        if (config.GetValueOrDefault("docs") is IDictionary<string, object?> docs)
        {
            if (docs.GetValueOrDefault("show") is bool show) node.DocsShow = show;
            node.DocsNodeColor = docs.GetValueOrDefault("node_color") as string;
        }
        if (config.GetValueOrDefault("contract") is IDictionary<string, object?> contract)
        {
            node.ContractEnforced = contract.GetValueOrDefault("enforced") is true;
            node.ContractAliasTypes = contract.GetValueOrDefault("alias_types") is not false;
        }
        if (node is ModelNode model && node.Config.Access is { } access) model.Access = access;
    }
}
