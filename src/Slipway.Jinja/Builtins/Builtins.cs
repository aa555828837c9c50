namespace Slipway.Jinja.Builtins;

/// <summary>Jinja2's built-in filters, tests and globals. The environment registers these at construction.</summary>
public static partial class Builtins
{
    public static void RegisterFilters(IDictionary<string, Filter> filters) => RegisterFiltersCore(filters);
    public static void RegisterTests(IDictionary<string, Test> tests) => RegisterTestsCore(tests);
    /// <summary>range, dict, namespace, cycler, joiner, lipsum.</summary>
    public static void RegisterGlobals(IDictionary<string, object?> globals) => RegisterGlobalsCore(globals);

    static partial void RegisterFiltersCore(IDictionary<string, Filter> filters);
    static partial void RegisterTestsCore(IDictionary<string, Test> tests);
    static partial void RegisterGlobalsCore(IDictionary<string, object?> globals);
}
