namespace Slipway.Jinja;

/// <summary>Templates read from files under one or more folders ("/"-separated names, no escaping the folders).</summary>
public sealed class FileSystemLoader(params string[] searchPaths) : ITemplateLoader
{
    public IReadOnlyList<string> SearchPaths { get; } = searchPaths;

    public string? GetSource(string name)
    {
        var parts = name.Split('/');
        foreach (var p in parts)
            if (p == "..") return null; // Jinja2 refuses names that climb out of the search path
        foreach (var root in SearchPaths)
        {
            var path = Path.Combine([root, .. parts.Where(p => p.Length > 0 && p != ".")]);
            if (File.Exists(path)) return File.ReadAllText(path);
        }
        return null;
    }
}
