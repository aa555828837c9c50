namespace Slipway.Engine.Graph.Selection;

/// <summary>
/// --resource-type / --exclude-resource-type as dbt's resource_types_from_args: the requested types ("all" and
/// "default" expand to the command's sets; none requested means the command's defaults) minus the excluded ones.
/// </summary>
public static class ResourceTypeFilter
{
    /// <summary>What dbt build acts on.</summary>
    public static readonly IReadOnlySet<string> Build =
        new HashSet<string>(StringComparer.Ordinal) { "model", "snapshot", "seed", "test", "unit_test", "saved_query", "exposure", "function" };

    /// <summary>What dbt list shows by default (analyses are shown only when asked for).</summary>
    public static readonly IReadOnlySet<string> ListDefault =
        new HashSet<string>(StringComparer.Ordinal)
        {
            "model", "snapshot", "seed", "test", "unit_test", "source", "exposure", "metric", "semantic_model", "saved_query", "function",
        };

    public static readonly IReadOnlySet<string> ListAll = new HashSet<string>(ListDefault, StringComparer.Ordinal) { "analysis" };

    public static IReadOnlySet<string> FromArgs(
        IReadOnlyCollection<string>? requested,
        IReadOnlyCollection<string>? excluded,
        IReadOnlySet<string> all,
        IReadOnlySet<string> defaults)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        if (requested is null or { Count: 0 })
        {
            types.UnionWith(defaults);
        }
        else
        {
            foreach (var type in requested)
            {
                switch (type)
                {
                    case "all":
                        types.UnionWith(all);
                        break;
                    case "default":
                        types.UnionWith(defaults);
                        break;
                    default:
                        types.Add(Validate(type));
                        break;
                }
            }
        }
        foreach (var type in excluded ?? [])
        {
            types.Remove(Validate(type));
        }
        return types;
    }

    private static string Validate(string type) =>
        Manifest.ResourceTypes.TryParse(type, out _)
            ? type
            : throw new SelectorException($"'{type}' is not a valid resource type; expected one of {string.Join(", ", Enum.GetValues<Manifest.ResourceType>().Select(Manifest.ResourceTypes.ToDbtString))}.");
}
