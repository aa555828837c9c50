using Slipway.Engine.Parsing;
using Slipway.Jinja;

namespace Slipway.Engine.Contexts;

/// <summary>
/// One Jinja context dictionary with every macro file loaded into it: dbt's macro namespace. Macros resolve
/// free names against this dictionary when called, so node-specific names (<c>ref</c>, <c>this</c>,
/// <c>config</c>, <c>model</c>) are set here before each render — one scope serves one thread at a time.
/// </summary>
internal sealed class RenderScope
{
    private readonly Dictionary<string, PackageNamespace> _packages = new(StringComparer.Ordinal);

    public RenderScope(JinjaHost host, bool runtime)
    {
        Host = host;
        IsRuntime = runtime;
        Context = new Dictionary<string, object?>(StringComparer.Ordinal);
        BaseContext.AddGlobals(Context, host, runtime);
        Context["adapter"] = host.CreateAdapter(this);
        host.ExtendGlobals?.Invoke(Context, runtime);
        LoadMacros();
    }

    public JinjaHost Host { get; }
    public bool IsRuntime { get; }
    public Dictionary<string, object?> Context { get; }

    private void LoadMacros()
    {
        var loader = Host.Loader;
        // Load order gives the flattened namespace dbt's precedence: built-ins, then packages, then the root project.
        var files = loader.MacroFiles
            .OrderBy(f => f.Package == ManifestLoader.InternalPackage ? 0 : f.Package == loader.Root.Name ? 2 : 1)
            .ToList();
        foreach (var (package, file, text) in files)
        {
            TemplateModule module;
            try
            {
                module = Host.Compile(text, file, IsRuntime).MakeModule(Context);
            }
            catch (TemplateError e)
            {
                throw new ParseException(file, e.Line, e.Column, e.Description);
            }
            if (!_packages.TryGetValue(package, out var ns)) _packages[package] = ns = new PackageNamespace(package);
            foreach (var (name, macro) in module.Macros)
            {
                ns.Macros[name] = macro;
                Context[name] = macro;
            }
        }
        foreach (var (name, ns) in _packages)
            if (!Context.ContainsKey(name) || Context[name] is PackageNamespace) Context[name] = ns;
    }

    public object? FindGlobal(string name) => Context.TryGetValue(name, out var v) && v is IJinjaCallable ? v : null;

    public object? FindInPackage(string package, string name) =>
        _packages.TryGetValue(package, out var ns) && ns.Macros.TryGetValue(name, out var m) ? m : null;
}
