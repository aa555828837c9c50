using System.Collections.Concurrent;
using Slipway.Jinja.Builtins;
using Slipway.Jinja.Syntax;

namespace Slipway.Jinja;

/// <summary>
/// The entry point: settings, filters, tests and globals, and compiled templates (cached by name and
/// source, thread-safe). Templates may be rendered from several threads at once.
/// </summary>
public sealed class JinjaEnvironment
{
    // Keyed by a class, not a tuple: a dictionary over a value type is JIT-compiled in every process that uses it.
    private readonly ConcurrentDictionary<CacheKey, Template> _cache = new();

    private sealed record CacheKey(string? Name, string Source);

    public JinjaEnvironment(JinjaOptions? options = null)
    {
        Options = options ?? new JinjaOptions();
        Builtins.Builtins.RegisterFilters(Filters);
        Builtins.Builtins.RegisterTests(Tests);
        Builtins.Builtins.RegisterGlobals(Globals);
    }

    public JinjaOptions Options { get; }
    public Dictionary<string, Filter> Filters { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Test> Tests { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, object?> Globals { get; } = new(StringComparer.Ordinal);

    /// <summary>Compiles <paramref name="source"/> (or returns the cached compilation); throws <see cref="TemplateError"/> on syntax errors.</summary>
    public Template FromString(string source, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var key = new CacheKey(name, source);
        if (_cache.TryGetValue(key, out var cached)) return cached;
        var template = Compile(source, name);
        _cache.TryAdd(key, template);
        return template;
    }

    /// <summary>Loads <paramref name="name"/> through <see cref="JinjaOptions.Loader"/>; TemplateError (TemplateNotFound) when absent.</summary>
    public Template GetTemplate(string name) =>
        TryGetTemplate(name) ?? throw new TemplateError("TemplateNotFound", name, name, 1, 1);

    internal Template? TryGetTemplate(string name)
    {
        var source = Options.Loader?.GetSource(name);
        return source is null ? null : FromString(source, name);
    }

    /// <summary>Forgets every compiled template (e.g. after files changed on disk).</summary>
    public void ClearCache() => _cache.Clear();

    private Template Compile(string source, string? name)
    {
        var text = new SourceText(source, Options.KeepTrailingNewline);
        var node = Parser.Parse(text, name, Options.TrimBlocks, Options.LStripBlocks, Options.DbtDialect, this);
        return new Template(this, source, name, text, node);
    }
}
