namespace Slipway.Deploy.Projects;

/// <summary>A dbt project kept in a git repository (a URL, or a path to a repository on this machine).</summary>
internal sealed class Project
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string RepositoryUrl { get; set; }
    public string DefaultBranch { get; set; } = "main";
    /// <summary>Folder inside the repository that holds <c>dbt_project.yml</c>; null for the root.</summary>
    public string? Subdirectory { get; set; }
    public string? GitUsername { get; set; }
    /// <summary>Encrypted git token or password (see <see cref="Secrets.SecretBox"/>).</summary>
    public string? GitTokenSecret { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
