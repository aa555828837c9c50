namespace Slipway.Engine.Tests.Execution;

/// <summary>
/// A failing <c>on-run-start</c> / <c>on-run-end</c> hook, as dbt-core's own hook tests expect (dbt ≥ 1.12, where
/// <c>skip_nodes_if_on_run_start_fails</c> is the default): the hooks after the failing one are skipped, a failed
/// start skips every selected node, the hooks count in the summary, and the run exits 1.
/// </summary>
public sealed class ProjectHookFailureTests
{
    private static string Project(string kind) => $$$"""
        name: fixture
        version: '1.0'
        profile: fixture
        {{{kind}}}:
          - "create table {{ target.schema }}.my_hook_table ( id int )"
          - "drop table {{ target.schema }}.my_hook_table"
          - "insert into {{ target.schema }}.my_hook_table (id) values (1)"
          - "create table {{ target.schema }}.my_hook_table ( id int )"
        """;

    private static List<(string Id, string Status)> Results(ProjectRun project)
    {
        using var doc = project.RunResults();
        return doc.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("unique_id").GetString()!, r.GetProperty("status").GetString()!)).ToList();
    }

    private static string Message(ProjectRun project, int index)
    {
        using var doc = project.RunResults();
        return doc.RootElement.GetProperty("results")[index].GetProperty("message").GetString()!;
    }

    [Fact]
    public void A_failing_on_run_start_hook_skips_the_later_hooks_and_every_selected_node()
    {
        using var project = new ProjectRun(new Dictionary<string, string> { ["models/my_model.sql"] = "select 1 as id" });
        project.Write("dbt_project.yml", Project("on-run-start"));
        var (code, output) = project.Run("run");
        Assert.Equal(1, code);
        Assert.Equal(
        [
            ("operation.fixture.fixture-on-run-start-0", "success"),
            ("operation.fixture.fixture-on-run-start-1", "success"),
            ("operation.fixture.fixture-on-run-start-2", "error"),
            ("operation.fixture.fixture-on-run-start-3", "skipped"),
            ("model.fixture.my_model", "skipped"),
        ], Results(project));
        Assert.Contains("my_hook_table", Message(project, 2));
        Assert.StartsWith("fixture.on-run-start.2 failed, error:", Message(project, 2));
        Assert.Equal("fixture.on-run-start.0 passed", Message(project, 0));
        Assert.Equal("fixture.on-run-start.3 skipped", Message(project, 3));
        Assert.Contains("PASS=2 WARN=0 ERROR=1 SKIP=2", output);
        Assert.Contains("TOTAL=5", output);
        Assert.Contains("4 project hooks, 1 view model", output);
        Assert.Matches(@"1 of 1 SKIP relation main\.my_model \.+ \[SKIP\]", output);
        Assert.DoesNotContain("START sql view model", output);
        // The model did not run: no relation was created, and the hook that came after the failure did not run.
        Assert.Equal("0", project.Scalar("select count(*) from information_schema.tables where table_name in ('my_model', 'my_hook_table')"));
    }

    [Fact]
    public void A_failing_on_run_end_hook_fails_the_run_after_the_models_built()
    {
        using var project = new ProjectRun(new Dictionary<string, string> { ["models/my_model.sql"] = "select 1 as id" });
        project.Write("dbt_project.yml", Project("on-run-end"));
        var (code, output) = project.Run("run");
        Assert.Equal(1, code);
        Assert.Equal(
        [
            ("model.fixture.my_model", "success"),
            ("operation.fixture.fixture-on-run-end-0", "success"),
            ("operation.fixture.fixture-on-run-end-1", "success"),
            ("operation.fixture.fixture-on-run-end-2", "error"),
            ("operation.fixture.fixture-on-run-end-3", "skipped"),
        ], Results(project));
        Assert.Contains("my_hook_table", Message(project, 3));
        Assert.Contains("PASS=3 WARN=0 ERROR=1 SKIP=1", output);
        Assert.Contains("TOTAL=5", output);
        Assert.Equal("1", project.Scalar("select id from main.my_model"));
    }
}
