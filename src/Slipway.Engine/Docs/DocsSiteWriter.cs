using System.Reflection;
using System.Text;
using System.Text.Json;
using Markdig;

namespace Slipway.Engine.Docs;

/// <summary>
/// The documentation site in target/: index.html with its stylesheet and script (embedded resources, no CDN)
/// and slipway-docs-data.js, the manifest and catalog reduced to what the pages show (descriptions rendered
/// from Markdown here, lineage layout computed here). <c>--static</c> writes static_index.html with all inlined.
/// </summary>
internal static class DocsSiteWriter
{
    public const string DataFile = "slipway-docs-data.js";
    public const string ScriptFile = "slipway-docs.js";
    public const string StyleFile = "slipway-docs.css";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    internal static string Markdown(string text) => string.IsNullOrWhiteSpace(text) ? "" : Markdig.Markdown.ToHtml(text, Pipeline);

    /// <summary>Writes the site; returns the path of the page to open.</summary>
    public static string Write(string targetPath, global::Slipway.Engine.Manifest.Manifest manifest, Catalog catalog, string projectName, bool staticFile)
    {
        Directory.CreateDirectory(targetPath);
        var data = DocsData.Build(manifest, catalog, projectName);
        var dataScript = "window.SLIPWAY_DOCS = " + data + ";\n";
        var html = Asset("index.html");
        if (staticFile)
        {
            var page = html
                .Replace($"<link rel=\"stylesheet\" href=\"{StyleFile}\">", "<style>\n" + Asset(StyleFile) + "\n</style>", StringComparison.Ordinal)
                .Replace($"<script src=\"{DataFile}\"></script>", "<script>\n" + dataScript + "</script>", StringComparison.Ordinal)
                .Replace($"<script src=\"{ScriptFile}\"></script>", "<script>\n" + Asset(ScriptFile).Replace("</script", "<\\/script", StringComparison.Ordinal) + "\n</script>", StringComparison.Ordinal);
            var path = Path.Combine(targetPath, "static_index.html");
            File.WriteAllText(path, page);
            return path;
        }
        File.WriteAllText(Path.Combine(targetPath, "index.html"), html);
        File.WriteAllText(Path.Combine(targetPath, StyleFile), Asset(StyleFile));
        File.WriteAllText(Path.Combine(targetPath, ScriptFile), Asset(ScriptFile));
        File.WriteAllText(Path.Combine(targetPath, DataFile), dataScript);
        return Path.Combine(targetPath, "index.html");
    }

    private static string Asset(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Slipway.Engine.Docs.Assets." + name)
            ?? throw new InvalidOperationException($"The docs site asset {name} is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
