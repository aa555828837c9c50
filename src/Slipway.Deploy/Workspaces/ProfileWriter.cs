using System.Text;
using Slipway.Deploy.Connections;
using Slipway.Deploy.Environments;

namespace Slipway.Deploy.Workspaces;

/// <summary>
/// Writes the run's <c>profiles.yml</c> from its environment, connection and credentials. Secrets never enter the
/// file: it reads them with <c>env_var()</c> from variables set on the step's process only.
/// </summary>
internal static class ProfileWriter
{
    public const string PasswordVariable = "SLIPWAY_WAREHOUSE_PASSWORD";

    public sealed record Target(string Name, string Schema, int? Threads, string? User, string? Password, string? Database);

    /// <summary>Writes the file into <paramref name="folder"/> and returns the variables the steps need.</summary>
    public static Dictionary<string, string> Write(string folder, string profileName, DeployEnvironment environment, Connection connection, Target target)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var yaml = new StringBuilder();
        yaml.Append(Quote(profileName)).Append(":\n  target: ").Append(Quote(target.Name)).Append("\n  outputs:\n    ").Append(Quote(target.Name)).Append(":\n");
        void Line(string key, string value) => yaml.Append("      ").Append(key).Append(": ").Append(value).Append('\n');
        Line("type", Quote(connection.Type));
        if (connection.Type == "duckdb")
        {
            Line("path", Quote(environment.DuckDbPathOverride ?? connection.Path ?? ":memory:"));
        }
        else
        {
            Line("host", Quote(connection.Host ?? "localhost"));
            Line("port", (connection.Port ?? 5432).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Line("dbname", Quote(target.Database ?? environment.DatabaseOverride ?? connection.Database ?? "postgres"));
            Line("user", Quote(target.User ?? ""));
        }
        if (target.Password is { Length: > 0 } password)
        {
            variables[PasswordVariable] = password;
            Line("password", $"\"{{{{ env_var('{PasswordVariable}') }}}}\"");
        }
        Line("schema", Quote(target.Schema));
        Line("threads", (target.Threads ?? environment.Threads ?? 4).ToString(System.Globalization.CultureInfo.InvariantCulture));
        File.WriteAllText(Path.Combine(folder, "profiles.yml"), yaml.ToString());
        return variables;
    }

    /// <summary>A YAML double-quoted scalar (no Jinja braces survive unescaped into it).</summary>
    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
