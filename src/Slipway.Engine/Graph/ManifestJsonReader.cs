using System.Text.Json;
using static Slipway.Engine.Graph.JsonValues;

namespace Slipway.Engine.Graph;

/// <summary>
/// Reads the graph members and macros of a dbt manifest.json (v12): the --state manifest for state:
/// comparison, and any manifest a real dbt wrote.
/// </summary>
internal static class ManifestJsonReader
{
    private static readonly (string Key, MemberCollection Collection)[] Collections =
    [
        ("nodes", MemberCollection.Node),
        ("sources", MemberCollection.Source),
        ("exposures", MemberCollection.Exposure),
        ("metrics", MemberCollection.Metric),
        ("semantic_models", MemberCollection.SemanticModel),
        ("saved_queries", MemberCollection.SavedQuery),
        ("unit_tests", MemberCollection.UnitTest),
    ];

    public static (List<GraphMember> Members, List<MacroInfo> Macros, string? ProjectName) Read(JsonDocument document)
    {
        var root = document.RootElement;
        var members = new List<GraphMember>();
        foreach (var (key, collection) in Collections)
        {
            var section = Property(root, key);
            if (section.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            foreach (var entry in section.EnumerateObject())
            {
                members.Add(ReadMember(entry.Value, collection));
            }
        }
        var macros = new List<MacroInfo>();
        var macroSection = Property(root, "macros");
        if (macroSection.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in macroSection.EnumerateObject())
            {
                macros.Add(new MacroInfo(
                    entry.Name,
                    String(entry.Value, "macro_sql") ?? "",
                    Strings(Property(Property(entry.Value, "depends_on"), "macros"))));
            }
        }
        return (members, macros, String(Property(root, "metadata"), "project_name"));
    }

    internal static GraphMember ReadMember(JsonElement node, MemberCollection collection)
    {
        var config = ToDictionary(Property(node, "config"));
        var resourceType = String(node, "resource_type") ?? "";
        var rawCode = String(node, "raw_code") ?? String(node, "raw_sql");
        var tags = Property(node, "tags").ValueKind == JsonValueKind.Array
            ? Strings(Property(node, "tags"))
            : config.TryGetValue("tags", out var configTags) && configTags is List<object?> list ? list.OfType<string>().ToList() : [];
        var patchPath = String(node, "patch_path");
        var separator = patchPath?.IndexOf("://", StringComparison.Ordinal) ?? -1;
        return new GraphMember
        {
            UniqueId = String(node, "unique_id") ?? "",
            ResourceType = resourceType,
            Collection = collection,
            Name = String(node, "name") ?? "",
            PackageName = String(node, "package_name") ?? "",
            Fqn = Strings(Property(node, "fqn")),
            OriginalFilePath = String(node, "original_file_path") ?? "",
            PatchPath = separator >= 0 ? patchPath![(separator + 3)..] : null,
            Tags = tags,
            Config = config,
            Group = config.GetValueOrDefault("group") as string ?? String(node, "group"),
            Access = collection == MemberCollection.Node && resourceType == "model" ? String(node, "access") : null,
            Version = Scalar(node, "version"),
            LatestVersion = Scalar(node, "latest_version"),
            DependsOnNodes = Strings(Property(Property(node, "depends_on"), "nodes")),
            DependsOnMacros = Strings(Property(Property(node, "depends_on"), "macros")),
            SourceName = String(node, "source_name"),
            TestMetadataName = String(Property(node, "test_metadata"), "name"),
            Enabled = !config.TryGetValue("enabled", out var enabled) || enabled is not false,
            IsEmpty = collection == MemberCollection.Node && resourceType != "seed" && string.IsNullOrWhiteSpace(rawCode),
            State = Fingerprint(node, collection, resourceType, rawCode, config),
        };
    }

    private static StateFingerprint Fingerprint(
        JsonElement node, MemberCollection collection, string resourceType, string? rawCode, Dictionary<string, object?> config)
    {
        var unrendered = ToDictionary(Property(node, "unrendered_config"));
        var fqn = Canonical(Strings(Property(node, "fqn")));
        object? Field(string name) => name == "depends_on"
            ? Strings(Property(Property(node, "depends_on"), "nodes"))
            : Property(node, name) is { ValueKind: not JsonValueKind.Undefined } value ? ToPlain(value) : null;
        var other = fqn + Canonical(StateFields.For(collection).Select(Field).ToList());

        switch (collection)
        {
            case MemberCollection.Node:
                var relation = Canonical(new List<object?>
                {
                    unrendered.GetValueOrDefault("database"), unrendered.GetValueOrDefault("schema"), unrendered.GetValueOrDefault("alias"),
                });
                var contract = Property(node, "contract");
                var contractKey = resourceType == "model" && Property(contract, "enforced").ValueKind == JsonValueKind.True
                    ? "enforced:" + String(contract, "checksum")
                    : "not-enforced";
                return new StateFingerprint(
                    Body: resourceType == "seed" ? String(Property(node, "checksum"), "checksum") ?? "" : rawCode ?? "",
                    Config: Canonical(unrendered),
                    PersistedDescriptions: PersistedDescriptions(node, config),
                    Relation: relation,
                    Contract: contractKey,
                    Other: fqn);
            case MemberCollection.Source:
                return new StateFingerprint(
                    Body: null,
                    Config: Canonical(unrendered),
                    PersistedDescriptions: null,
                    Relation: Canonical(new List<object?> { String(node, "database"), String(node, "schema"), String(node, "identifier") }),
                    Contract: null,
                    Other: other);
            case MemberCollection.UnitTest:
                return new StateFingerprint(null, null, null, null, null, other);
            case MemberCollection.Exposure:
                return new StateFingerprint(null, Canonical(unrendered), null, null, null, other);
            default:
                // Metrics, semantic models and saved queries: their config, as the writer keeps no unrendered one.
                return new StateFingerprint(null, Canonical(config), null, null, null, other);
        }
    }

    private static string PersistedDescriptions(JsonElement node, Dictionary<string, object?> config)
    {
        var persistDocs = config.GetValueOrDefault("persist_docs") as IReadOnlyDictionary<string, object?>;
        var parts = new List<object?>();
        if (persistDocs?.GetValueOrDefault("relation") is true)
        {
            parts.Add(String(node, "description"));
        }
        if (persistDocs?.GetValueOrDefault("columns") is true)
        {
            var columns = Property(node, "columns");
            if (columns.ValueKind == JsonValueKind.Object)
            {
                parts.Add(columns.EnumerateObject().ToDictionary(c => c.Name, c => (object?)String(c.Value, "description"), StringComparer.Ordinal));
            }
        }
        return Canonical(parts);
    }
}
