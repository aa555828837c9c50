namespace Slipway.Engine.Tests.Execution;

/// <summary>
/// <c>retry</c> as dbt's RetryTask: the previous command (from run_results.json's <c>args.which</c>) with its flags,
/// over what errored, failed or was skipped; a second retry keeps the original command; nothing left says so.
/// </summary>
public sealed class RetryTests
{
    private static Dictionary<string, string> Files() => new()
    {
        ["models/good.sql"] = "{{ config(materialized='table') }}\nselect 1 as id",
        // The broken parent: its child is skipped. flags.WHICH shows which command (re)built it.
        ["models/parent.sql"] = "{{ config(materialized='table') }}\nselect {{ var('n') }} as n, '{{ flags.WHICH }}' as which from no_such_table",
        ["models/child.sql"] = "{{ config(materialized='table') }}\nselect n * 2 as n from {{ ref('parent') }}",
        ["models/schema.yml"] = "version: 2\nmodels:\n  - name: good\n    columns:\n      - name: id\n        data_tests: [not_null]\n",
    };

    private const string FixedParent = "{{ config(materialized='table') }}\nselect {{ var('n') }} as n, '{{ flags.WHICH }}' as which";

    private static string Which(ProjectRun project)
    {
        using var doc = project.RunResults();
        return doc.RootElement.GetProperty("args").GetProperty("which").GetString()!;
    }

    [Fact]
    public void Retry_reruns_only_the_failed_and_skipped_models_with_the_original_command_and_flags()
    {
        using var project = new ProjectRun(Files());
        var vars = new Dictionary<string, object?> { ["vars"] = "{n: 21}" };
        var first = project.Run("run", vars);
        Assert.Equal(1, first.ExitCode);
        Assert.Equal(new Dictionary<string, string>
        {
            ["model.fixture.good"] = "success", ["model.fixture.parent"] = "error", ["model.fixture.child"] = "skipped",
        }, project.Statuses());

        project.Write("models/parent.sql", FixedParent);
        project.Query("delete from main.good"); // a model retry re-ran would be rebuilt with its row
        var retry = project.Run("retry");
        Assert.True(retry.ExitCode == 0, retry.Output);
        Assert.Equal(["model.fixture.child", "model.fixture.parent"], project.Statuses().Keys.Order().ToArray());
        Assert.Contains("Done. PASS=2 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=2", retry.Output);
        // The original run's --vars and command: var('n') is 21 and flags.WHICH is run, not retry or build.
        Assert.Equal(["21|run"], project.Query("select n, which from main.parent").Select(r => $"{r[0]}|{r[1]}").ToArray());
        Assert.Equal("42", project.Scalar("select n from main.child"));
        Assert.Equal("0", project.Scalar("select count(*) from main.good"));
        // A run is retried as a run: the test on good (never selected by run) did not run.
        Assert.DoesNotContain(project.Statuses().Keys, k => k.StartsWith("test.", StringComparison.Ordinal));
        Assert.Equal("run", Which(project));
    }

    [Fact]
    public void A_second_retry_keeps_the_original_command_and_a_third_has_nothing_to_do()
    {
        using var project = new ProjectRun(Files());
        var vars = new Dictionary<string, object?> { ["vars"] = "{n: 1}" };
        Assert.Equal(1, project.Run("run", vars).ExitCode);

        // Retried before the fix: the same two fail and skip again, and run_results still says run.
        var again = project.Run("retry");
        Assert.Equal(1, again.ExitCode);
        Assert.Equal(new Dictionary<string, string> { ["model.fixture.parent"] = "error", ["model.fixture.child"] = "skipped" }, project.Statuses());
        Assert.Equal("run", Which(project));

        project.Write("models/parent.sql", FixedParent);
        var fixedRun = project.Run("retry");
        Assert.True(fixedRun.ExitCode == 0, fixedRun.Output);
        Assert.Equal(["1|run"], project.Query("select n, which from main.parent").Select(r => $"{r[0]}|{r[1]}").ToArray());
        Assert.Equal("run", Which(project));

        var nothing = project.Run("retry");
        Assert.Equal(0, nothing.ExitCode);
        Assert.Contains("Nothing to do. Try checking your model configs and model specification args", nothing.Output);
        Assert.DoesNotContain("START", nothing.Output);
        using var doc = project.RunResults();
        Assert.Equal(0, doc.RootElement.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void Retry_of_a_build_reruns_the_failed_test_and_what_it_skipped()
    {
        var files = Files();
        files["models/parent.sql"] = FixedParent;
        files["models/schema.yml"] = "version: 2\nmodels:\n  - name: parent\n    columns:\n      - name: n\n        data_tests:\n          - accepted_values:\n              values: [\"{{ var('allowed') }}\"]\n              quote: false\n";
        using var project = new ProjectRun(files);
        var first = project.Run("build", new Dictionary<string, object?> { ["vars"] = "{n: 4, allowed: 5}" });
        Assert.Equal(1, first.ExitCode);
        var statuses = project.Statuses();
        Assert.Equal("fail", statuses.Single(s => s.Key.StartsWith("test.", StringComparison.Ordinal)).Value);
        Assert.Equal("skipped", statuses["model.fixture.child"]);

        // The retry's own --vars win over the build's; the test and the child it skipped run again.
        var retry = project.Run("retry", new Dictionary<string, object?> { ["vars"] = "{n: 4, allowed: 4}" });
        Assert.True(retry.ExitCode == 0, retry.Output);
        var after = project.Statuses();
        Assert.Equal(2, after.Count);
        Assert.Equal("pass", after.Single(s => s.Key.StartsWith("test.", StringComparison.Ordinal)).Value);
        Assert.Equal("success", after["model.fixture.child"]);
        Assert.Equal("build", Which(project));
        // parent itself was not rebuilt: it still holds the first build's value.
        Assert.Equal("4", project.Scalar("select n from main.parent"));
        Assert.Equal("8", project.Scalar("select n from main.child"));
    }

    [Fact]
    public void Retry_without_a_previous_run_is_an_error()
    {
        using var project = new ProjectRun(Files());
        var (code, output) = project.Run("retry");
        Assert.Equal(2, code);
        Assert.Contains("Could not find previous run in", output);
    }
}
