using Slipway.Engine.Project;

namespace Slipway.Engine.Graph.Selection;

/// <summary>
/// Turns selectors.yml definitions into <see cref="SelectionSpec"/>s as dbt does, and picks the spec a command
/// uses from --select/--exclude/--selector and the default selector.
/// </summary>
public static class YamlSelectors
{
    /// <summary>
    /// Every selector by name. A <c>method: selector</c> reference may only name a selector defined earlier in the
    /// file, as in dbt.
    /// </summary>
    public static IReadOnlyDictionary<string, SelectionSpec> Parse(
        IReadOnlyList<SelectorEntry> entries, IndirectSelection indirectSelection = IndirectSelection.Eager)
    {
        var result = new Dictionary<string, SelectionSpec>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            try
            {
                result[entry.Name] = FromDefinition(entry.Definition, result, indirectSelection);
            }
            catch (SelectorException e)
            {
                // dbt reads every selector when the project loads and reports a bad one this way.
                throw new SelectorException($"Could not read selector file data: selector '{entry.Name}': {e.Message}");
            }
        }
        return result;
    }

    /// <summary>
    /// dbt's choice of spec: --selector wins; otherwise, when neither --select nor --exclude is given, the selector
    /// marked <c>default: true</c>; otherwise --select minus --exclude.
    /// </summary>
    public static SelectionSpec Resolve(
        IReadOnlyList<string>? select,
        IReadOnlyList<string>? exclude,
        string? selectorName,
        IReadOnlyList<SelectorEntry> entries,
        IndirectSelection indirectSelection = IndirectSelection.Eager)
    {
        var selectors = Parse(entries, indirectSelection);
        if (selectorName is not null)
        {
            return selectors.TryGetValue(selectorName, out var named)
                ? named
                : throw new SelectorException(
                    $"Could not find selector named {selectorName}, expected one of [{string.Join(", ", entries.Select(e => "'" + e.Name + "'"))}]");
        }
        var defaultSelector = entries.FirstOrDefault(e => e.IsDefault);
        if (select is null or { Count: 0 } && exclude is null or { Count: 0 } && defaultSelector is not null)
        {
            return selectors[defaultSelector.Name];
        }
        return SelectionParser.ParseDifference(select, exclude, indirectSelection);
    }

    private static SelectionSpec FromDefinition(
        SelectorDefinition definition, IReadOnlyDictionary<string, SelectionSpec> earlier, IndirectSelection indirectSelection)
    {
        switch (definition)
        {
            case SelectorText text:
                // A string definition is one selector atom (graph operators allowed, no set operators), as in dbt.
                return SelectionParser.ParseCriteria(text.Text, indirectSelection);
            case SelectorMethod { Method: "selector" } reference:
                return earlier.TryGetValue(reference.Value, out var referenced)
                    ? WithExclude(referenced, reference.Exclude, earlier, indirectSelection)
                    : throw new SelectorException($"Existing selector definition for {reference.Value} not found.");
            case SelectorMethod method:
                var criteria = SelectionParser.Build(
                    Describe(method),
                    method.Method,
                    method.Value,
                    method.ChildrensParents,
                    method.Parents,
                    method.ParentsDepth?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    method.Children,
                    method.ChildrenDepth?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    method.IndirectSelection is null ? indirectSelection : IndirectSelectionNames.Parse(method.IndirectSelection));
                return WithExclude(criteria, method.Exclude, earlier, indirectSelection);
            case SelectorUnion union:
                return Group(union.Items, earlier, indirectSelection, items => new SelectionUnion { Components = items, IndirectSelection = indirectSelection });
            case SelectorIntersection intersection:
                return Group(intersection.Items, earlier, indirectSelection, items => new SelectionIntersection { Components = items, IndirectSelection = indirectSelection });
            default:
                throw new SelectorException("An 'exclude' is only allowed as an item of a union or intersection.");
        }
    }

    private static SelectionSpec Group(
        IReadOnlyList<SelectorDefinition> items,
        IReadOnlyDictionary<string, SelectionSpec> earlier,
        IndirectSelection indirectSelection,
        Func<IReadOnlyList<SelectionSpec>, SelectionGroup> create)
    {
        var included = new List<SelectionSpec>();
        SelectorExclude? exclude = null;
        foreach (var item in items)
        {
            if (item is SelectorExclude ex)
            {
                if (exclude is not null)
                {
                    throw new SelectorException("You cannot provide multiple exclude arguments to the same selector set operator.");
                }
                exclude = ex;
            }
            else
            {
                included.Add(FromDefinition(item, earlier, indirectSelection));
            }
        }
        var group = create(included);
        return exclude is null ? group : WithExclude(group, new SelectorUnion(exclude.Items), earlier, indirectSelection);
    }

    private static SelectionSpec WithExclude(
        SelectionSpec spec, SelectorDefinition? exclude, IReadOnlyDictionary<string, SelectionSpec> earlier, IndirectSelection indirectSelection)
    {
        if (exclude is null)
        {
            return spec;
        }
        // dbt: one exclusion is used as it is, several are a union.
        var excluded = exclude is SelectorUnion { Items.Count: 1 } single
            ? FromDefinition(single.Items[0], earlier, indirectSelection)
            : FromDefinition(exclude, earlier, indirectSelection);
        return new SelectionDifference { Components = [spec, excluded] };
    }

    private static string Describe(SelectorMethod method) =>
        (method.ChildrensParents ? "@" : "") + (method.Parents ? method.ParentsDepth + "+" : "")
        + method.Method + ":" + method.Value + (method.Children ? "+" + method.ChildrenDepth : "");
}
