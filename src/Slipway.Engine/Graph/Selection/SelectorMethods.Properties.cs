using System.Globalization;

namespace Slipway.Engine.Graph.Selection;

/// <summary>Methods over a member's properties: config, resource_type, test_name, test_type, version.</summary>
internal sealed partial class SelectorMethods
{
    /// <summary>dbt's NodeType values.</summary>
    private static readonly HashSet<string> NodeTypes = new(StringComparer.Ordinal)
    {
        "model", "analysis", "test", "snapshot", "operation", "seed", "rpc", "sql_operation", "doc", "source", "macro",
        "exposure", "metric", "group", "saved_query", "semantic_model", "unit_test", "fixture", "function",
    };

    private HashSet<int> Config(IReadOnlyList<string> keys, string selector)
    {
        // Test severity is compared case-insensitively, as in dbt.
        var comparison = keys is ["severity"] ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var wantsTrue = selector.Equals("true", StringComparison.OrdinalIgnoreCase);
        var wantsFalse = selector.Equals("false", StringComparison.OrdinalIgnoreCase);

        bool Matches(object? value) => value switch
        {
            string s => string.Equals(s, selector, comparison),
            bool b => (b && wantsTrue) || (!b && wantsFalse),
            _ => false,
        };

        return Where(m =>
        {
            if (m.Collection is not (MemberCollection.Node or MemberCollection.Source))
            {
                return false;
            }
            object? value = m.Config;
            foreach (var key in keys)
            {
                if (value is not IReadOnlyDictionary<string, object?> dictionary || !dictionary.TryGetValue(key, out value))
                {
                    return false;
                }
            }
            // A list value matches when any element does (config.tags:nightly).
            return value is List<object?> list ? list.Any(Matches) : Matches(value);
        });
    }

    private HashSet<int> ResourceType(string selector)
    {
        if (!NodeTypes.Contains(selector))
        {
            throw new SelectorException($"Invalid resource_type selector \"{selector}\"");
        }
        return Where(m => m.ResourceType == selector);
    }

    private HashSet<int> TestName(string selector) => Where(m =>
        (m.IsGenericTest && m.Collection == MemberCollection.Node && Wildcard.IsMatch(m.TestMetadataName!, selector))
        || (m.Collection == MemberCollection.UnitTest && Wildcard.IsMatch(m.Name, selector)));

    private HashSet<int> TestType(string selector)
    {
        Func<GraphMember, bool> predicate = selector switch
        {
            "generic" or "schema" => m => m.Collection == MemberCollection.Node && m.IsGenericTest,
            "singular" => m => m.Collection == MemberCollection.Node && m.IsSingularTest,
            "data" => m => m.Collection == MemberCollection.Node && m.ResourceType == "test",
            "unit" => m => m.Collection == MemberCollection.UnitTest,
            _ => throw new SelectorException(
                $"Invalid test type selector {selector}: expected \"generic\", \"singular\", \"unit\", or \"data\""),
        };
        return Where(predicate);
    }

    private HashSet<int> Version(string selector)
    {
        Func<GraphMember, bool> predicate = selector switch
        {
            "latest" => m => m.Version is not null && m.Version == m.LatestVersion,
            "prerelease" => m => m.Version is not null && m.LatestVersion is not null && CompareVersions(m.Version, m.LatestVersion) > 0,
            "old" => m => m.Version is not null && m.LatestVersion is not null && CompareVersions(m.Version, m.LatestVersion) < 0,
            "none" => m => m.Version is null,
            _ => throw new SelectorException(
                $"Invalid version type selector {selector}: expected one of: \"latest\", \"prerelease\", \"old\", or \"none\""),
        };
        return Where(m => m.Collection == MemberCollection.Node && m.ResourceType == "model" && predicate(m));
    }

    /// <summary>Versions compare as numbers when both are numbers, otherwise as strings (dbt's UnparsedVersion).</summary>
    private static int CompareVersions(string left, string right) =>
        double.TryParse(left, NumberStyles.Float, CultureInfo.InvariantCulture, out var l)
        && double.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out var r)
            ? l.CompareTo(r)
            : string.CompareOrdinal(left, right);
}
