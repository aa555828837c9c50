namespace Slipway.Jinja;

/// <summary>Finds template source by name for include/import/extends.</summary>
public interface ITemplateLoader
{
    /// <summary>The source of <paramref name="name"/>, or null when there is no such template.</summary>
    string? GetSource(string name);
}
