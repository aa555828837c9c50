using System.Text.Json;
using DuckDB.NET.Data;
using Slipway.Engine.Logging;
using Slipway.Engine.Project;

namespace Slipway.Engine.Tests;

/// <summary>
/// A dbt project written into a temp folder (files given as path → text) with a DuckDB profile on a file in that
/// folder, run through the engine's commands as the CLI runs them. Results: exit code, console text,
/// run_results.json, and queries against the database file. Dispose deletes the folder.
/// </summary>
internal sealed class ProjectRun : IDisposable
{
    public ProjectRun(IReadOnlyDictionary<string, string> files, string projectName = "fixture", int threads = 1)
    {
        Root = Path.Combine(Path.GetTempPath(), "slipway-exec-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        Write("dbt_project.yml", $"name: {projectName}\nversion: '1.0'\nprofile: {projectName}\n");
        Write("profiles.yml", $"{projectName}:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: {DatabaseFile}\n      schema: main\n      threads: {threads}\n");
        foreach (var (path, text) in files) Write(path, text);
    }

    /// <summary>A copy of an existing project folder (without target/, logs/ and database files), using its own profiles.yml.</summary>
    public ProjectRun(string copyFrom, string databaseFile)
    {
        Root = Path.Combine(Path.GetTempPath(), "slipway-exec-" + Guid.NewGuid().ToString("N")[..12]);
        foreach (var file in Directory.EnumerateFiles(copyFrom, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(copyFrom, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "target" or "logs" || relative.EndsWith(".duckdb", StringComparison.Ordinal) || relative.EndsWith(".wal", StringComparison.Ordinal)) continue;
            Write(relative, File.ReadAllText(file));
        }
        _databaseFile = databaseFile;
    }

    private readonly string? _databaseFile;

    public string Root { get; }
    public string DatabaseFile => Path.Combine(Root, _databaseFile ?? "dev.duckdb");

    public void Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    /// <summary>Runs <paramref name="command"/> (run, seed, test, build, retry, …) with extra flags (snake_case → value).</summary>
    public (int ExitCode, string Output) Run(string command, IReadOnlyDictionary<string, object?>? flags = null, IReadOnlyList<string>? arguments = null)
    {
        var all = new Dictionary<string, object?>(StringComparer.Ordinal) { ["project_dir"] = Root, ["profiles_dir"] = Root };
        if (flags is not null) foreach (var (k, v) in flags) all[k] = v;
        var invocation = new Invocation(command, all, arguments, [command]);
        var env = new EnvironmentVariables(new Dictionary<string, string>());
        using var console = new StringWriter();
        int code;
        using (var log = new EventLog(console, new EventLogOptions(invocation.LogFormat, invocation.Quiet, false,
                   Path.Combine(Root, "logs", "dbt.log"), Guid.NewGuid().ToString()), env.Masker))
        {
            try
            {
                var config = RuntimeConfig.Load(invocation, env);
                code = EngineCommands.Find(command)!.Execute(config, log, CancellationToken.None);
            }
            catch (Exception e) when (e is ProjectException or Engine.Parsing.ParseException or Engine.Parsing.ManifestException or Engine.Contexts.CompilerException or Engine.Graph.Selection.SelectorException)
            {
                log.Error("Encountered an error:\n" + e.Message);
                code = 2;
            }
        }
        return (code, console.ToString());
    }

    /// <summary>Rows of a query against the project's database, each cell as text (null stays null), in result order.</summary>
    public List<string?[]> Query(string sql)
    {
        using var connection = new DuckDBConnection($"DataSource={DatabaseFile}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>One scalar as text.</summary>
    public string? Scalar(string sql) => Query(sql).Single()[0];

    /// <summary>unique_id → status from target/run_results.json.</summary>
    public Dictionary<string, string> Statuses()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "target", "run_results.json")));
        return doc.RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("unique_id").GetString()!, r => r.GetProperty("status").GetString()!);
    }

    public JsonDocument RunResults() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "target", "run_results.json")));

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
