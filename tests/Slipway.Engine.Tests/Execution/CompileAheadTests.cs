using Slipway.Engine.Contexts;

namespace Slipway.Engine.Tests.Execution;

/// <summary>
/// Compile-ahead (a one-thread run renders the next ready node while the current one runs) must be invisible: a
/// template that logs or queries the database at compile time is compiled in its own turn, as dbt's runner does
/// (print the START line, compile, execute).
/// </summary>
public sealed class CompileAheadTests
{
    [Fact]
    public void A_log_call_while_compiling_prints_between_its_own_start_and_result_lines()
    {
        var files = new Dictionary<string, string>();
        for (var i = 1; i <= 5; i++)
            files[$"models/m{i}.sql"] = $"{{{{ log('compiling m{i}', info=True) }}}}\nselect {i} as id";
        using var project = new ProjectRun(files);

        var (code, output) = project.Run("run");

        Assert.Equal(0, code);
        var lines = output.Split('\n');
        int IndexOf(string text) => Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        for (var i = 1; i <= 5; i++)
        {
            var start = IndexOf($"START sql view model main.m{i} ");
            var logged = IndexOf($"compiling m{i}");
            var done = IndexOf($"OK created sql view model main.m{i} ");
            Assert.True(start >= 0 && logged >= 0 && done >= 0, output);
            Assert.True(start < logged && logged < done, $"m{i}: START at line {start}, log at {logged}, OK at {done}\n{output}");
            if (i > 1) Assert.True(IndexOf($"OK created sql view model main.m{i - 1} ") < logged, output);
        }
    }

    [Fact]
    public void A_query_while_compiling_sees_every_node_that_ran_before_it()
    {
        // b_counts runs after a_rows (same generation, ordered by unique id) without depending on it: its compile-time
        // query must still see the table a_rows built, as it would with compile-ahead off.
        using var project = new ProjectRun(new Dictionary<string, string>
        {
            // Millions of rows, so a_rows is still being built when b_counts would be rendered ahead.
            ["models/a_rows.sql"] = "{{ config(materialized='table') }}\nselect id, md5(id::varchar) as h from range(3000000) t(id)",
            ["models/b_counts.sql"] = """
                {% set n = 0 %}
                {% if execute %}
                  {% set n = run_query("select count(*) from information_schema.tables where table_name = 'a_rows'").columns[0].values()[0] %}
                  {% if n > 0 %}{% set n = run_query("select count(*) from main.a_rows").columns[0].values()[0] %}{% endif %}
                {% endif %}
                select {{ n }} as seen
                """,
        });

        var (code, output) = project.Run("run");

        Assert.Equal(0, code);
        Assert.Equal("3000000", project.Scalar("select seen from main.b_counts"));
        Assert.Contains("1 of 2 START sql table model main.a_rows", output);
    }

    [Fact]
    public void A_speculative_render_that_reaches_the_log_is_abandoned_and_outside_one_nothing_changes()
    {
        var reached = new List<string>();
        Assert.False(Speculation.Try(() => { reached.Add("before"); Speculation.Check("log()"); reached.Add("after"); }));
        Assert.Equal(["before"], reached);
        Assert.False(Speculation.Active);

        Speculation.Check("log()");
        Assert.True(Speculation.Try(() => reached.Add("pure")));
        Assert.Equal(["before", "pure"], reached);
    }
}
