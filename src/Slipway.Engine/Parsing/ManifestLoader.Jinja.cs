using Slipway.Engine.Manifest;

namespace Slipway.Engine.Parsing;

internal sealed partial class ManifestLoader
{
    /// <summary>Renders models that use more Jinja than ref/source/config with the parse-time context.</summary>
    private void RenderWithJinja(List<NodeDraft> drafts)
    {
        var first = drafts[0];
        throw new ParseException(first.Node.OriginalFilePath, first.Line, 1,
            "uses Jinja beyond ref/source/config calls with literal arguments, which needs the Jinja engine (not available in this build yet)");
    }

    /// <summary>Renders a project's generate_*_name override for one node.</summary>
    private string? RenderNameMacro(string macroId, string? custom, ManifestNode node) =>
        throw new ManifestException($"{macroId} overrides a built-in naming macro, which needs the Jinja engine (not available in this build yet)");
}
