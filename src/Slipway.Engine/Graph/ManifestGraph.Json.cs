using System.Text.Json;

namespace Slipway.Engine.Graph;

/// <summary>Building a graph from a manifest.json that dbt (or Slipway) wrote.</summary>
public sealed partial class ManifestGraph
{
    /// <summary>The project the manifest was parsed for (metadata.project_name); "package:this" means it.</summary>
    public string? ProjectName { get; init; }

    /// <summary>
    /// Reads a manifest.json (disabled members are not part of it). A dependency on something the manifest does not
    /// hold is an error unless <paramref name="lenient"/>, which the --state comparison uses.
    /// </summary>
    public static ManifestGraph FromManifestJson(string path, bool lenient = false)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 256 });
        var (members, macros, projectName) = ManifestJsonReader.Read(document);
        return new ManifestGraph(members, macros, ignoreMissingDependencies: lenient) { ProjectName = projectName };
    }
}
