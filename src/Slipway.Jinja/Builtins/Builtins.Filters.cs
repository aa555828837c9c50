namespace Slipway.Jinja.Builtins;

// Registers Jinja2's filters (grouped by what they work on) behind a check of Python's call signature.
public static partial class Builtins
{
    static partial void RegisterFiltersCore(IDictionary<string, Filter> filters)
    {
        RegisterTextFilters(filters);
        RegisterNumberFilters(filters);
        RegisterCollectionFilters(filters);
        foreach (var (name, signature) in FilterSignatures)
        {
            if (!filters.TryGetValue(name, out var filter)) continue;
            filters[name] = (context, value, arguments) =>
            {
                signature.Check(arguments);
                return filter(context, value, arguments);
            };
        }
    }
}
