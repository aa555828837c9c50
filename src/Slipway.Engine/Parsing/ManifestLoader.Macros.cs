using System.Reflection;
using System.Text.RegularExpressions;
using Slipway.Engine.Manifest;

namespace Slipway.Engine.Parsing;

internal sealed partial class ManifestLoader
{
    private static readonly IReadOnlySet<string> MacroBlocks = new HashSet<string> { "macro", "materialization", "test", "data_test" };
    private static readonly IReadOnlySet<string> TestBlocks = new HashSet<string> { "test", "data_test" };

    /// <summary>Macro files by package, kept for compilation: the Jinja engine compiles each file once.</summary>
    internal List<(string Package, string File, string Text)> MacroFiles { get; } = [];

    /// <summary>Macro unique ids by package then name (dbt's per-package macro namespaces).</summary>
    internal Dictionary<string, Dictionary<string, string>> MacrosByPackage { get; } = new(StringComparer.Ordinal);

    private void LoadMacros()
    {
        foreach (var (path, text) in BuiltInFiles(".sql"))
            AddMacroFile(InternalPackage, path, path, text, MacroBlocks);
        foreach (var project in _projects)
        {
            foreach (var file in ProjectFiles.Find(project, project.MacroPaths, ".sql"))
                AddMacroFile(project.Name, file.OriginalFilePath, file.OriginalFilePath, file.ReadText(), MacroBlocks);
            // Generic tests may also live in tests/generic/ (test blocks only).
            foreach (var file in ProjectFiles.Find(project, project.TestPaths.Select(t => t.TrimEnd('/') + "/generic"), ".sql"))
                AddMacroFile(project.Name, file.OriginalFilePath, file.OriginalFilePath, file.ReadText(), TestBlocks);
        }
        foreach (var macro in _manifest.Macros.Values) macro.DependsOnMacros = FindMacroCalls(macro.MacroSql, macro.PackageName, macro.UniqueId);
    }

    private void AddMacroFile(string package, string path, string originalPath, string text, IReadOnlySet<string> allowed)
    {
        var blocks = BlockExtractor.Extract(text, originalPath, allowed);
        if (blocks.Count == 0) return;
        MacroFiles.Add((package, originalPath, text));
        if (!MacrosByPackage.TryGetValue(package, out var names)) MacrosByPackage[package] = names = new(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            List<string>? languages = null;
            var name = block.BlockType switch
            {
                "materialization" => MaterializationMacroName(block, out languages),
                "test" or "data_test" => "test_" + block.Name,
                _ => block.Name,
            };
            var id = $"macro.{package}.{name}";
            if (_manifest.Macros.ContainsKey(id))
                throw new ParseException(originalPath, block.Line, block.Column,
                    $"dbt found two macros named \"{name}\" in the project \"{package}\"; macro names must be unique within a package (the other is in {_manifest.Macros[id].OriginalFilePath})");
            _manifest.Macros[id] = new Macro
            {
                UniqueId = id,
                Name = name,
                PackageName = package,
                Path = path,
                OriginalFilePath = originalPath,
                MacroSql = block.FullBlock,
                CreatedAt = _createdAt,
                SupportedLanguages = languages,
            };
            names[name] = id;
        }
    }

    [GeneratedRegex(@"adapter\s*=\s*['""](\w+)['""]")]
    private static partial Regex AdapterArgument();

    [GeneratedRegex(@"supported_languages\s*=\s*\[([^\]]*)\]")]
    private static partial Regex LanguagesArgument();

    /// <summary><c>{% materialization table, adapter='duckdb' %}</c> → <c>materialization_table_duckdb</c>.</summary>
    private static string MaterializationMacroName(ExtractedBlock block, out List<string>? languages)
    {
        var adapter = AdapterArgument().Match(block.Header) is { Success: true } m ? m.Groups[1].Value : "default";
        languages = LanguagesArgument().Match(block.Header) is { Success: true } l
            ? l.Groups[1].Value.Split(',').Select(s => s.Trim().Trim('\'', '"')).Where(s => s.Length > 0).ToList()
            : ["sql"];
        return $"materialization_{block.Name}_{adapter}";
    }

    /// <summary>Our own built-in macros (generate_*_name, generic tests, helpers) and docs, embedded in the assembly.</summary>
    private static IEnumerable<(string Path, string Text)> BuiltInFiles(string extension)
    {
        var assembly = typeof(ManifestLoader).Assembly;
        const string prefix = "Slipway.Engine.Macros.";
        foreach (var resource in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(extension, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return ("macros/" + resource[prefix.Length..], reader.ReadToEnd());
        }
    }

    [GeneratedRegex(@"adapter\.dispatch\(\s*(?:macro_name\s*=\s*)?['""](\w+)['""]\s*(?:,\s*(?:macro_namespace\s*=\s*)?['""](\w+)['""])?")]
    private static partial Regex DispatchPattern();

    [GeneratedRegex(@"(?<![\w.])(?:(\w+)\.)?([A-Za-z_]\w*)\s*\(")]
    private static partial Regex CallPattern();

    /// <summary>
    /// Macro ids a piece of Jinja calls, in first-call order: names followed by <c>(</c> that resolve in the
    /// macro namespace of <paramref name="package"/> (a textual scan: dbt records the same set by rendering).
    /// </summary>
    internal List<string> FindMacroCalls(string code, string package, string? selfId = null)
    {
        var result = new List<string>();
        if (!code.Contains('(')) return result;
        foreach (Match m in CallPattern().Matches(code))
        {
            var ns = m.Groups[1].Success ? m.Groups[1].Value : null;
            var name = m.Groups[2].Value;
            if (name is "ref" or "source" or "config" or "var" or "env_var" or "return") continue;
            var id = ResolveMacro(name, ns, package);
            if (id is not null && id != selfId && !result.Contains(id)) result.Add(id);
        }
        // adapter.dispatch('x', 'pkg') calls <adapter>__x or default__x, named only in a string: dbt records that target.
        if (code.Contains("dispatch", StringComparison.Ordinal))
        {
            foreach (Match m in DispatchPattern().Matches(code))
            {
                var ns = m.Groups[2].Success ? m.Groups[2].Value : null;
                foreach (var prefix in new[] { Target.Type + "__", "default__" })
                {
                    var id = (ns is not null ? ResolveMacro(prefix + m.Groups[1].Value, ns == "dbt" ? InternalPackage : ns, package) : null)
                        ?? ResolveMacro(prefix + m.Groups[1].Value, null, package);
                    if (id is null) continue;
                    if (id != selfId && !result.Contains(id)) result.Add(id);
                    break;
                }
            }
        }
        return result;
    }

    /// <summary>dbt's macro search order: the caller's package, the root project, other packages, then <c>dbt</c>.</summary>
    internal string? ResolveMacro(string name, string? ns, string package)
    {
        if (ns is not null)
        {
            if (ns == "adapter" || ns == "exceptions" || ns == "modules") return null;
            return MacrosByPackage.TryGetValue(ns, out var inNs) && inNs.TryGetValue(name, out var nsId) ? nsId : null;
        }
        if (MacrosByPackage.TryGetValue(package, out var own) && own.TryGetValue(name, out var id)) return id;
        if (MacrosByPackage.TryGetValue(Root.Name, out var root) && root.TryGetValue(name, out id)) return id;
        foreach (var (pkg, macros) in MacrosByPackage)
        {
            if (pkg == InternalPackage) continue;
            if (macros.TryGetValue(name, out id)) return id;
        }
        return MacrosByPackage.TryGetValue(InternalPackage, out var dbt) && dbt.TryGetValue(name, out id) ? id : null;
    }
}
