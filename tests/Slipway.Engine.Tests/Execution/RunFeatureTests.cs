using System.Text.Json;

namespace Slipway.Engine.Tests.Execution;

/// <summary>Flags and project features of the runner: hooks, threads, fail-fast, --empty, --defer, JSON logs, show, run-operation.</summary>
public sealed class RunFeatureTests
{
    private static Dictionary<string, string> Chain(int n)
    {
        var files = new Dictionary<string, string> { ["models/m0.sql"] = "{{ config(materialized='table') }}\nselect 1 as x" };
        for (var i = 1; i < n; i++) files[$"models/m{i}.sql"] = $"{{{{ config(materialized='table') }}}}\nselect x + 1 as x from {{{{ ref('m{i - 1}') }}}}";
        return files;
    }

    [Fact]
    public void Hooks_run_around_models_and_on_run_end_sees_the_results()
    {
        using var project = new ProjectRun(new Dictionary<string, string>
        {
            ["models/a.sql"] = "{{ config(materialized='table', pre_hook=\"insert into main.audit values ('pre {{ this.name }}')\", post_hook=\"insert into main.audit values ('post ' || (select count(*) from {{ this }}))\") }}\nselect 1 as id union all select 2",
        });
        project.Write("dbt_project.yml", """
            name: fixture
            version: '1.0'
            profile: fixture
            on-run-start:
              - "create table if not exists main.audit (msg varchar)"
            on-run-end:
              - "insert into main.audit select '{{ results | length }} {{ results[0].status }} {{ schemas | join(',') }}'"
            """);
        var (code, output) = project.Run("run");
        Assert.True(code == 0, output);
        Assert.Equal(["pre a", "post 2", "1 success main"], project.Query("select msg from main.audit").Select(r => r[0]!).ToArray());
        Assert.Contains("Running 1 on-run-start hook", output);
        Assert.Contains("Running 1 on-run-end hook", output);
        // The two project hooks count as results, as in dbt >= 1.9.
        Assert.Contains("Done. PASS=3 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=3", output);
    }

    [Fact]
    public void Threads_run_independent_models_in_parallel_and_keep_dependency_order()
    {
        var files = Chain(4);
        for (var i = 0; i < 6; i++) files[$"models/leaf{i}.sql"] = $"{{{{ config(materialized='table') }}}}\nselect x * {i} as y from {{{{ ref('m3') }}}}";
        using var project = new ProjectRun(files, threads: 4);
        var (code, output) = project.Run("run");
        Assert.True(code == 0, output);
        Assert.Equal("20", project.Scalar("select y from main.leaf5"));
        using var doc = project.RunResults();
        var threads = doc.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("thread_id").GetString()).Distinct().ToList();
        Assert.All(threads, t => Assert.Matches(@"^Thread-\d \(worker\)$", t));
        Assert.Contains("Concurrency: 4 threads (target='dev')", output);
    }

    [Fact]
    public void Fail_fast_skips_everything_after_the_first_failure()
    {
        var files = Chain(3);
        files["models/broken.sql"] = "select * from nowhere_at_all";
        using var project = new ProjectRun(files);
        var (code, _) = project.Run("run", new Dictionary<string, object?> { ["fail_fast"] = true, ["select"] = new[] { "broken", "m0+" } });
        Assert.Equal(1, code);
        var statuses = project.Statuses();
        Assert.Equal("error", statuses["model.fixture.broken"]);
        // broken sorts first among the roots, so every other model is skipped.
        Assert.All(statuses.Where(s => s.Key != "model.fixture.broken"), s => Assert.Equal("skipped", s.Value));
    }

    [Fact]
    public void Empty_builds_the_shape_without_rows()
    {
        using var project = new ProjectRun(Chain(2));
        Assert.Equal(0, project.Run("run", new Dictionary<string, object?> { ["empty"] = true }).ExitCode);
        Assert.Equal("1", project.Scalar("select count(*) from main.m0"));
        Assert.Equal("0", project.Scalar("select count(*) from main.m1"));
        Assert.Equal("x", project.Scalar("select column_name from information_schema.columns where table_name = 'm1'"));
    }

    [Fact]
    public void Defer_resolves_an_unbuilt_parent_to_the_state_manifest_relation()
    {
        using var project = new ProjectRun(Chain(2));
        // "Production": build everything into schema prod, keep its manifest.
        project.Write("profiles.yml", $"fixture:\n  target: prod\n  outputs:\n    prod:\n      type: duckdb\n      path: {project.DatabaseFile}\n      schema: prod\n    dev:\n      type: duckdb\n      path: {project.DatabaseFile}\n      schema: dev_x\n");
        Assert.Equal(0, project.Run("run").ExitCode);
        Directory.Move(Path.Combine(project.Root, "target"), Path.Combine(project.Root, "prod_state"));
        var (code, output) = project.Run("run", new Dictionary<string, object?>
        {
            ["target"] = "dev", ["select"] = new[] { "m1" }, ["defer"] = true, ["state"] = "prod_state",
        });
        Assert.True(code == 0, output);
        Assert.Equal("2", project.Scalar("select x from dev_x.m1"));
        Assert.Equal("0", project.Scalar("select count(*) from information_schema.tables where table_schema = 'dev_x' and table_name = 'm0'"));
        Assert.Contains("\"prod\".\"m0\"", File.ReadAllText(Path.Combine(project.Root, "target", "compiled", "fixture", "models", "m1.sql")));
    }

    [Fact]
    public void Json_log_lines_carry_code_status_and_node()
    {
        using var project = new ProjectRun(Chain(1));
        var (_, output) = project.Run("run", new Dictionary<string, object?> { ["log_format"] = "json" });
        var events = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var result = events.Single(e => e.GetProperty("info").GetProperty("name").GetString() == "LogModelResult");
        Assert.Equal("Q012", result.GetProperty("info").GetProperty("code").GetString());
        Assert.Equal("info", result.GetProperty("info").GetProperty("level").GetString());
        var node = result.GetProperty("data").GetProperty("node_info");
        Assert.Equal("model.fixture.m0", node.GetProperty("unique_id").GetString());
        Assert.Equal("success", node.GetProperty("node_status").GetString());
        Assert.True(node.GetProperty("execution_time").GetDouble() >= 0);
        Assert.Contains(events, e => e.GetProperty("info").GetProperty("msg").GetString()!.StartsWith("Done. PASS=1", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(project.Root, "logs", "dbt.log")));
    }

    [Fact]
    public void Show_previews_rows_and_run_operation_calls_a_macro()
    {
        using var project = new ProjectRun(new Dictionary<string, string>
        {
            ["models/boats.sql"] = "select * from (values (1, 'Osprey'), (2, 'Tern'), (3, 'Auk')) t(id, name)",
            ["macros/make_log.sql"] = "{% macro make_log(n) %}{% do run_query('create table main.ops as select ' ~ n ~ ' as n') %}{{ log('made ' ~ n, info=true) }}{% endmacro %}",
        });
        Assert.Equal(0, project.Run("run").ExitCode);
        var (code, output) = project.Run("show", new Dictionary<string, object?> { ["select"] = new[] { "boats" }, ["limit"] = 2L });
        Assert.Equal(0, code);
        Assert.Contains("Previewing node 'boats':\n| id | name   |\n| -- | ------ |\n|  1 | Osprey |\n|  2 | Tern   |", output.Replace("\r", ""));
        var op = project.Run("run-operation", new Dictionary<string, object?> { ["args"] = "{n: 7}" }, ["make_log"]);
        Assert.True(op.ExitCode == 0, op.Output);
        Assert.Contains("made 7", op.Output);
        Assert.Equal("7", project.Scalar("select n from main.ops"));
    }
}
