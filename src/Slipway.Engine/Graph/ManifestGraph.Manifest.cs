using Slipway.Engine.Manifest;
using static Slipway.Engine.Graph.JsonValues;
using ManifestModel = Slipway.Engine.Manifest.Manifest;

namespace Slipway.Engine.Graph;

/// <summary>Building a graph from the parsed, in-memory manifest.</summary>
public sealed partial class ManifestGraph
{
    /// <summary>The DAG of a parsed manifest: every node, source, exposure, metric, semantic model, saved query and unit test.</summary>
    public static ManifestGraph FromManifest(ManifestModel manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var members = manifest.GraphMembers.Select(ToMember).ToList();
        var macros = manifest.Macros.Values.Select(m => new MacroInfo(m.UniqueId, m.MacroSql, m.DependsOnMacros));
        return new ManifestGraph(members, macros) { ProjectName = manifest.Metadata.ProjectName };
    }

    private static GraphMember ToMember(GraphResource resource)
    {
        var (collection, config) = resource switch
        {
            ManifestNode node => (MemberCollection.Node, node.Config),
            SourceDefinition source => (MemberCollection.Source, source.Config),
            Exposure exposure => (MemberCollection.Exposure, exposure.Config),
            DataResource data => (CollectionOf(data), data.Config),
            _ => throw new GraphException($"'{resource.UniqueId}' is a {resource.GetType().Name}, which cannot be part of the graph."),
        };
        var patchPath = resource switch
        {
            ManifestNode node => node.PatchPath,
            SourceDefinition source => source.PatchPath,
            _ => null,
        };
        var separator = patchPath?.IndexOf("://", StringComparison.Ordinal) ?? -1;
        var model = resource as ModelNode;
        return new GraphMember
        {
            UniqueId = resource.UniqueId,
            ResourceType = resource.ResourceType.ToDbtString(),
            Collection = collection,
            Name = resource.Name,
            PackageName = resource.PackageName,
            Fqn = resource.Fqn,
            OriginalFilePath = resource.OriginalFilePath,
            PatchPath = separator >= 0 ? patchPath![(separator + 3)..] : null,
            Tags = resource.Tags.Count > 0 || collection != MemberCollection.UnitTest ? resource.Tags : config.Tags,
            Config = config.Values,
            Group = config.Group ?? (resource as DataResource)?.Group ?? (resource as ManifestNode)?.Group,
            Access = model?.Access,
            Version = model?.Version,
            LatestVersion = model?.LatestVersion,
            DependsOnNodes = resource.DependsOn.Nodes,
            DependsOnMacros = resource.DependsOn.Macros,
            SourceName = (resource as SourceDefinition)?.SourceName,
            TestMetadataName = (resource as GenericTestNode)?.TestMetadata.Name,
            Enabled = config.Enabled,
            // Seeds are never empty; generic tests always render their test macro, whatever raw code the parser kept.
            IsEmpty = resource is ManifestNode { ResourceType: not ResourceType.Seed } sqlNode and not GenericTestNode
                && string.IsNullOrWhiteSpace(sqlNode.RawCode),
            LazyState = () => Fingerprint(resource),
        };
    }

    private static MemberCollection CollectionOf(DataResource data) => data.ResourceType switch
    {
        ResourceType.Metric => MemberCollection.Metric,
        ResourceType.SemanticModel => MemberCollection.SemanticModel,
        ResourceType.SavedQuery => MemberCollection.SavedQuery,
        _ => MemberCollection.UnitTest,
    };

    /// <summary>The same comparison keys <see cref="ManifestJsonReader"/> derives from a manifest.json.</summary>
    private static StateFingerprint Fingerprint(GraphResource resource)
    {
        var fqn = Canonical(resource.Fqn);
        switch (resource)
        {
            case ManifestNode node:
                var persist = node.Config.Get("persist_docs") as IReadOnlyDictionary<string, object?>;
                var persisted = new List<object?>();
                if (persist?.GetValueOrDefault("relation") is true)
                {
                    persisted.Add(node.Description);
                }
                if (persist?.GetValueOrDefault("columns") is true)
                {
                    persisted.Add(node.Columns.ToDictionary(c => c.Key, c => (object?)c.Value.Description, StringComparer.Ordinal));
                }
                return new StateFingerprint(
                    Body: node is SeedNode ? node.Checksum.Checksum : node.RawCode,
                    Config: Canonical(node.UnrenderedConfig),
                    PersistedDescriptions: Canonical(persisted),
                    Relation: Canonical(new List<object?>
                    {
                        node.UnrenderedConfig.GetValueOrDefault("database"),
                        node.UnrenderedConfig.GetValueOrDefault("schema"),
                        node.UnrenderedConfig.GetValueOrDefault("alias"),
                    }),
                    Contract: node is ModelNode && node.ContractEnforced ? "enforced:" + node.ContractChecksum : "not-enforced",
                    Other: fqn);
            case SourceDefinition source:
                return new StateFingerprint(null, Canonical(source.UnrenderedConfig), null,
                    Canonical(new List<object?> { source.Database, source.Schema, source.Identifier }), null,
                    fqn + Canonical(new List<object?> { source.Quoting, source.Freshness, source.LoadedAtField, source.External }));
            case Exposure exposure:
                return new StateFingerprint(null, Canonical(exposure.UnrenderedConfig), null, null, null,
                    fqn + Canonical(new List<object?>
                    {
                        exposure.Type, exposure.Owner, exposure.Maturity, exposure.Url, exposure.Description, exposure.Label, exposure.DependsOn.Nodes,
                    }));
            case DataResource data:
                object? Field(string name) => name switch
                {
                    "depends_on" => data.DependsOn.Nodes,
                    "group" => data.Group,
                    "description" => data.Properties.GetValueOrDefault("description") ?? data.Description,
                    _ => data.Properties.GetValueOrDefault(name),
                };
                var other = fqn + Canonical(StateFields.For(CollectionOf(data)).Select(Field).ToList());
                return data.ResourceType == ResourceType.UnitTest
                    ? new StateFingerprint(null, null, null, null, null, other)
                    : new StateFingerprint(null, Canonical(data.Config.Values), null, null, null, other);
            default:
                return new StateFingerprint(null, null, null, null, null, fqn);
        }
    }
}
