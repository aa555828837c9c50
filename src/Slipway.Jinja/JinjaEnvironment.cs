using Slipway.Jinja.Builtins;

namespace Slipway.Jinja;

/// <summary>
/// The entry point: settings, filters, tests and globals, and compiled templates (cached by source).
/// SKELETON: the Runtime author completes it (options, loader, cache, FromString/GetTemplate).
/// </summary>
public sealed class JinjaEnvironment
{
    public JinjaEnvironment()
    {
        Builtins.Builtins.RegisterFilters(Filters);
        Builtins.Builtins.RegisterTests(Tests);
        Builtins.Builtins.RegisterGlobals(Globals);
    }

    public Dictionary<string, Filter> Filters { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Test> Tests { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, object?> Globals { get; } = new(StringComparer.Ordinal);

    public Template FromString(string source, string? name = null) => new(this, source, name);
}
