namespace Slipway.Engine.Project;

/// <summary>
/// An error in a project's YAML files (dbt_project.yml, profiles.yml, packages.yml, selectors.yml) that the user can
/// fix: the message names the file, line and column (when there is one) and says what was expected. The CLI prints
/// it and exits 2, as dbt does for errors raised before any node runs.
/// </summary>
public class ProjectException : Exception
{
    public ProjectException(string message) : base(message) { }

    public ProjectException(string file, int line, int column, string message)
        : base($"{file}:{line}:{column}: {message}")
    {
        File = file;
        Line = line;
        Column = column;
    }

    public string? File { get; }
    public int Line { get; }
    public int Column { get; }
}
