using System.Globalization;
using System.Text.RegularExpressions;

namespace Slipway.Engine.Graph.Selection;

/// <summary>Turns --select / --exclude text into a <see cref="SelectionSpec"/>, with dbt's grammar and defaults.</summary>
public static partial class SelectionParser
{
    /// <summary>What a command selects when neither --select nor a default selector is given.</summary>
    public static readonly IReadOnlyList<string> DefaultIncludes =
        ["fqn:*", "source:*", "exposure:*", "metric:*", "semantic_model:*", "saved_query:*", "unit_test:*"];

    /// <summary>dbt's MethodName values.</summary>
    public static readonly IReadOnlyList<string> MethodNames =
    [
        "fqn", "tag", "group", "access", "source", "path", "file", "package", "config", "test_name", "test_type",
        "resource_type", "state", "exposure", "metric", "result", "source_status", "version", "semantic_model",
        "saved_query", "unit_test",
    ];

    private static readonly HashSet<string> MethodNameSet = new(MethodNames, StringComparer.Ordinal);

    // dbt's RAW_SELECTOR_PATTERN: (@)?((\d*)\+)?((method(.arg)*):)?value(\+(\d*))?
    [GeneratedRegex(@"\A(?<childrens_parents>@)?(?<parents>(?<parents_depth>\d*)\+)?((?<method>[\w.]+):)?(?<value>.*?)(?<children>\+(?<children_depth>\d*))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex RawSelectorPattern();

    /// <summary>
    /// --select values minus --exclude values. A null (not empty) <paramref name="select"/> means "nothing given":
    /// the default includes are used and an empty result is no warning.
    /// </summary>
    public static SelectionDifference ParseDifference(
        IReadOnlyList<string>? select,
        IReadOnlyList<string>? exclude,
        IndirectSelection indirectSelection = IndirectSelection.Eager)
    {
        if (select is { Count: 0 })
        {
            select = null;
        }
        var included = select is null
            ? ParseUnion(DefaultIncludes, expectExists: false, indirectSelection)
            : ParseUnion(select, expectExists: true, indirectSelection);
        // dbt always expands exclusions eagerly: excluding a model excludes the tests that touch it.
        var excluded = exclude is null or { Count: 0 }
            ? ParseUnion([], expectExists: false, IndirectSelection.Eager)
            : ParseUnion(exclude, expectExists: true, IndirectSelection.Eager);
        return new SelectionDifference { Components = [included, excluded] };
    }

    /// <summary>Space-separated (and repeated) values are a union; comma-joined atoms an intersection.</summary>
    public static SelectionUnion ParseUnion(IReadOnlyList<string> components, bool expectExists, IndirectSelection indirectSelection)
    {
        var union = new List<SelectionSpec>();
        foreach (var rawSpec in components.SelectMany(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        {
            var parts = rawSpec.Split(',').Select(part => ParseCriteria(part, indirectSelection)).ToArray();
            union.Add(new SelectionIntersection
            {
                Components = parts,
                ExpectExists = expectExists,
                Raw = rawSpec,
                IndirectSelection = indirectSelection,
            });
        }
        return new SelectionUnion
        {
            Components = union,
            ExpectExists = false,
            Raw = string.Join(" ", components),
            IndirectSelection = indirectSelection,
        };
    }

    /// <summary>The value of --indirect-selection (eager, cautious, buildable or empty).</summary>
    public static IndirectSelection ParseIndirectSelection(string value) => IndirectSelectionNames.Parse(value);

    /// <summary>One atom such as <c>2+tag:nightly+</c> or <c>@config.materialized:table</c>.</summary>
    public static SelectionCriteria ParseCriteria(string raw, IndirectSelection indirectSelection = IndirectSelection.Eager)
    {
        var match = RawSelectorPattern().Match(raw);
        if (!match.Success)
        {
            throw new SelectorException($"Invalid selector spec \"{raw}\"");
        }
        string? Group(string name) => match.Groups[name].Success ? match.Groups[name].Value : null;
        return Build(
            raw,
            Group("method"),
            Group("value") ?? "",
            childrensParents: Group("childrens_parents") is not null,
            parents: Group("parents") is not null,
            parentsDepth: Group("parents_depth"),
            children: Group("children") is not null,
            childrenDepth: Group("children_depth"),
            indirectSelection);
    }

    internal static SelectionCriteria Build(
        string raw,
        string? method,
        string value,
        bool childrensParents,
        bool parents,
        string? parentsDepth,
        bool children,
        string? childrenDepth,
        IndirectSelection indirectSelection)
    {
        if (childrensParents && children)
        {
            throw new SelectorException($"Invalid node spec {raw} - \"@\" prefix and \"+\" suffix are incompatible");
        }
        var (methodName, arguments) = ParseMethod(method, value);
        return new SelectionCriteria
        {
            Raw = raw,
            Method = methodName,
            MethodArguments = arguments,
            Value = value,
            ChildrensParents = childrensParents,
            Parents = parents,
            ParentsDepth = ParseDepth(parentsDepth),
            Children = children,
            ChildrenDepth = ParseDepth(childrenDepth),
            IndirectSelection = indirectSelection,
        };
    }

    private static (string Method, string[] Arguments) ParseMethod(string? rawMethod, string value)
    {
        if (rawMethod is null)
        {
            return (DefaultMethod(value), []);
        }
        var parts = rawMethod.Split('.');
        if (!MethodNameSet.Contains(parts[0]))
        {
            throw new SelectorException($"'{parts[0]}' is not a valid method name");
        }
        return (parts[0], parts[1..]);
    }

    /// <summary>path when the value looks like a path, file when it names a node file, otherwise fqn.</summary>
    internal static string DefaultMethod(string value)
    {
        if (value.Contains('/') || value.Contains('\\'))
        {
            return "path";
        }
        var lower = value.ToLowerInvariant();
        return lower.EndsWith(".sql", StringComparison.Ordinal) || lower.EndsWith(".py", StringComparison.Ordinal) || lower.EndsWith(".csv", StringComparison.Ordinal)
            ? "file"
            : "fqn";
    }

    private static int? ParseDepth(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }
        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var depth)
            ? depth
            : throw new SelectorException($"Invalid node spec - could not handle parent depth {raw}");
    }
}
