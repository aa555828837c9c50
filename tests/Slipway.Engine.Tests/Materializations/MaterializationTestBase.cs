using Slipway.Engine.Tests.Execution;

namespace Slipway.Engine.Tests.Materializations;

/// <summary>Helpers shared by the end-to-end materialization tests: a project on a DuckDB file, run through the engine.</summary>
public abstract class MaterializationTestBase
{
    private protected static ProjectRun Project(params (string Path, string Text)[] files) =>
        new(files.ToDictionary(f => f.Path, f => f.Text));

    /// <summary>Runs the command and fails with the console output when the exit code differs.</summary>
    private protected static string Run(ProjectRun project, string command, int expectedExit = 0, IReadOnlyDictionary<string, object?>? flags = null)
    {
        var (code, output) = project.Run(command, flags);
        Assert.True(code == expectedExit, $"expected exit {expectedExit}, got {code}:\n{output}");
        return output;
    }

    private protected static readonly IReadOnlyDictionary<string, object?> FullRefresh = new Dictionary<string, object?> { ["full_refresh"] = true };

    /// <summary>Rows of the query, each row's cells joined by '|' (null as ∅), in order.</summary>
    private protected static string[] Rows(ProjectRun project, string sql) =>
        project.Query(sql).Select(r => string.Join("|", r.Select(c => c ?? "∅"))).ToArray();

    /// <summary>The relations in a schema as "name:TYPE", sorted.</summary>
    private protected static string[] Relations(ProjectRun project, string schema = "main") =>
        Rows(project, $"select table_name || ':' || table_type from information_schema.tables where table_schema = '{schema}' and table_catalog = 'dev' order by 1");

    private protected static string[] Columns(ProjectRun project, string table, string schema = "main") =>
        Rows(project, $"select column_name || ':' || data_type from information_schema.columns where table_schema = '{schema}' and table_name = '{table}' order by ordinal_position");

    private protected static void Exec(ProjectRun project, string sql) => project.Query(sql);
}
