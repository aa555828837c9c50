using System.Text.Json;

namespace Slipway.Engine.Tests.UnitTests;

/// <summary>
/// dbt 1.8+ unit tests on DuckDB through <c>build</c> and <c>test</c>: every fixture format, overrides, an
/// incremental model's <c>this</c>, build order (a model's unit tests just before it; a failure skips the model and
/// its children), selection, and a failure's diff on the console, in run_results and in the JSON log.
/// </summary>
public sealed class UnitTestExecutionTests
{
    private static readonly string[] PassingTests =
    [
        "unit_test.fixture.stg_bookings.amount_is_nights_times_rate",
        "unit_test.fixture.stg_bookings.boat_names_are_lower_case",
        "unit_test.fixture.berth_revenue.revenue_per_harbor",
        "unit_test.fixture.berth_revenue.revenue_expect_sql",
        "unit_test.fixture.paid_bookings.overrides_change_vars_env_and_macros",
        "unit_test.fixture.booking_log.incremental_adds_only_new_bookings",
        "unit_test.fixture.booking_log.full_refresh_takes_all_bookings",
    ];

    private static List<(string Id, string Status)> Ordered(ProjectRun project)
    {
        using var doc = project.RunResults();
        return doc.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("unique_id").GetString()!, r.GetProperty("status").GetString()!)).ToList();
    }

    private static Dictionary<string, string[]> Flags(string key, params string[] values) => new() { [key] = values };

    [Fact]
    public void Build_runs_each_unit_test_right_before_its_model_and_all_pass()
    {
        using var project = new ProjectRun(MarinaProject.Files());
        var (code, output) = project.Run("build");

        Assert.True(code == 0, output);
        var results = Ordered(project);
        foreach (var id in PassingTests) Assert.Equal("pass", results.Single(r => r.Id == id).Status);
        Assert.DoesNotContain(results, r => r.Id.EndsWith(".disabled_expectation", StringComparison.Ordinal));
        // dbt's BuildTask runs a model's unit tests in the model's turn: after its parents, immediately before it.
        int At(string id) => results.FindIndex(r => r.Id == id);
        foreach (var id in PassingTests)
        {
            var model = "model.fixture." + id.Split('.')[2];
            var tests = PassingTests.Where(t => t.Split('.')[2] == id.Split('.')[2]).Select(At).ToList();
            Assert.True(At(id) < At(model), $"{id} ran after {model}");
            Assert.Equal(At(model) - tests.Count, tests.Min());
        }
        Assert.True(At("seed.fixture.raw_bookings") < At(PassingTests[0]));
        Assert.Matches(@"\d+ of 15 START unit_test stg_bookings::amount_is_nights_times_rate \.+ \[RUN\]", output);
        Assert.Matches(@"\d+ of 15 PASS stg_bookings::amount_is_nights_times_rate \.+ \[PASS in \d+\.\d\ds\]", output);
        Assert.Matches(@"Finished running [^\n]*\b7 unit tests\b", output);
        Assert.Contains("Done. PASS=15 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=15", output);
        // The models themselves were built from the real seeds after their tests passed.
        Assert.Equal([["north", "60"], ["south", "115"]], project.Query("select harbor, revenue from main.berth_revenue order by harbor"));
        Assert.Equal("3", project.Scalar("select count(*) from main.booking_log"));
    }

    [Fact]
    public void On_four_threads_every_unit_test_still_runs_before_its_model_and_passes()
    {
        using var project = new ProjectRun(MarinaProject.Files(), threads: 4);
        var (code, output) = project.Run("build");

        Assert.True(code == 0, output);
        var results = Ordered(project);
        foreach (var id in PassingTests)
        {
            Assert.Equal("pass", results.Single(r => r.Id == id).Status);
            Assert.True(results.FindIndex(r => r.Id == id) < results.FindIndex(r => r.Id == "model.fixture." + id.Split('.')[2]), id);
        }
        Assert.Contains("Done. PASS=15 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=15", output);
    }

    [Fact]
    public void A_failing_unit_test_fails_with_a_diff_and_build_skips_the_model_and_its_children()
    {
        using var project = new ProjectRun(MarinaProject.Files());
        project.Write("models/failing.yml", MarinaProject.FailingUnitTest);
        var (code, output) = project.Run("build");

        Assert.Equal(1, code);
        var results = Ordered(project);
        const string failing = "unit_test.fixture.berth_revenue.revenue_wrong_expectation";
        Assert.Equal("fail", results.Single(r => r.Id == failing).Status);
        Assert.Equal("skipped", results.Single(r => r.Id == "model.fixture.berth_revenue").Status);
        Assert.Equal("skipped", results.Single(r => r.Id == "model.fixture.harbor_report").Status);
        Assert.Equal("success", results.Single(r => r.Id == "model.fixture.stg_bookings").Status);
        Assert.Equal("success", results.Single(r => r.Id == "model.fixture.booking_log").Status);
        // The model's other unit tests pass when they run first and are skipped once one has failed (as dbt does).
        var failedAt = results.FindIndex(r => r.Id == failing);
        foreach (var (id, status) in results.Where(r => r.Id.StartsWith("unit_test.fixture.berth_revenue.", StringComparison.Ordinal) && r.Id != failing))
            Assert.Equal(results.FindIndex(r => r.Id == id) < failedAt ? "pass" : "skipped", status);
        Assert.Empty(project.Query("select 1 from information_schema.tables where table_name = 'berth_revenue'"));

        const string diff = "\n\nactual differs from expected:\n\n"
            + "@@  | harbor | revenue\n"
            + "    | north  | 150\n"
            + "→   | south  | 40→30\n";
        using var doc = project.RunResults();
        var result = doc.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("unique_id").GetString() == failing);
        Assert.Equal(diff, result.GetProperty("message").GetString());
        Assert.Equal(1, result.GetProperty("failures").GetInt32());
        Assert.Matches(@"FAIL 1 berth_revenue::revenue_wrong_expectation \.+ \[FAIL 1 in \d+\.\d\ds\]", output);
        Assert.Matches(@"SKIP relation main\.harbor_report \.+ \[SKIP\]", output);
        Assert.Contains("Failure in unit_test revenue_wrong_expectation (models/failing.yml)", output);
        Assert.Contains("→   | south  | 40→30\n", output.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Retry_after_fixing_the_expectation_reruns_the_unit_test_and_what_it_skipped()
    {
        using var project = new ProjectRun(MarinaProject.Files());
        project.Write("models/failing.yml", MarinaProject.FailingUnitTest);
        Assert.Equal(1, project.Run("build").ExitCode);
        project.Write("models/failing.yml", MarinaProject.FailingUnitTest.Replace("revenue: 40}", "revenue: 30}", StringComparison.Ordinal));

        var (code, output) = project.Run("retry");

        Assert.True(code == 0, output);
        var statuses = project.Statuses();
        Assert.Equal("pass", statuses["unit_test.fixture.berth_revenue.revenue_wrong_expectation"]);
        Assert.Equal("success", statuses["model.fixture.berth_revenue"]);
        Assert.Equal("success", statuses["model.fixture.harbor_report"]);
        Assert.DoesNotContain("seed.fixture.raw_bookings", statuses.Keys);
        Assert.DoesNotContain("unit_test.fixture.stg_bookings.amount_is_nights_times_rate", statuses.Keys);
    }

    [Fact]
    public void Test_runs_unit_tests_and_the_json_log_carries_the_diff()
    {
        using var project = new ProjectRun(MarinaProject.Files());
        project.Write("models/failing.yml", MarinaProject.FailingUnitTest);
        Assert.Equal(0, project.Run("seed").ExitCode);
        var (code, output) = project.Run("test", new Dictionary<string, object?> { ["select"] = new[] { "test_type:unit" }, ["log_format"] = "json" });

        Assert.Equal(1, code);
        var statuses = project.Statuses();
        Assert.Equal(PassingTests.Length + 1, statuses.Count);
        foreach (var id in PassingTests) Assert.Equal("pass", statuses[id]);
        Assert.Equal("fail", statuses["unit_test.fixture.berth_revenue.revenue_wrong_expectation"]);
        var events = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var failure = events.Single(e => e.GetProperty("info").GetProperty("name").GetString() == "LogTestResult"
            && e.GetProperty("data").GetProperty("node_info").GetProperty("node_status").GetString() == "fail");
        var info = failure.GetProperty("data").GetProperty("node_info");
        Assert.Equal("unit_test.fixture.berth_revenue.revenue_wrong_expectation", info.GetProperty("unique_id").GetString());
        Assert.Equal("unit_test", info.GetProperty("resource_type").GetString());
        Assert.Contains("    | north  | 150\n→   | south  | 40→30\n", info.GetProperty("message").GetString());
        Assert.Contains(events, e => e.GetProperty("info").GetProperty("msg").GetString()!.Contains("→   | south  | 40→30", StringComparison.Ordinal));
    }

    [Fact]
    public void Unit_tests_are_selected_by_name_tag_type_and_resource_type()
    {
        using var project = new ProjectRun(MarinaProject.Files());
        Assert.Equal(0, project.Run("seed").ExitCode);

        project.Run("test", new Dictionary<string, object?> { ["select"] = new[] { "unit_test:amount_is_nights_times_rate" } });
        Assert.Equal(["unit_test.fixture.stg_bookings.amount_is_nights_times_rate"], project.Statuses().Keys);

        project.Run("test", new Dictionary<string, object?> { ["select"] = new[] { "tag:naming" } });
        Assert.Equal(["unit_test.fixture.stg_bookings.boat_names_are_lower_case"], project.Statuses().Keys);

        // Selecting a model selects its unit tests indirectly, as it does its data tests.
        project.Run("test", new Dictionary<string, object?> { ["select"] = new[] { "booking_log" } });
        Assert.Equal(PassingTests.Where(t => t.Contains(".booking_log.", StringComparison.Ordinal)).Order(), project.Statuses().Keys.Order());

        project.Run("test", new Dictionary<string, object?> { ["resource_type"] = new[] { "unit_test" } });
        Assert.Equal(PassingTests.Order(), project.Statuses().Keys.Order());

        var (code, _) = project.Run("build", new Dictionary<string, object?> { ["exclude_resource_type"] = new[] { "unit_test" } });
        Assert.Equal(0, code);
        Assert.DoesNotContain(project.Statuses().Keys, k => k.StartsWith("unit_test.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_model_input_the_test_does_not_give_is_an_error_naming_it()
    {
        using var project = new ProjectRun(MarinaProject.Files());
        project.Write("models/missing.yml", """
            version: 2
            unit_tests:
              - name: forgets_the_source
                model: paid_bookings
                given:
                  - input: ref('stg_bookings')
                    rows: [{booking_id: 1}]
                expect:
                  rows: [{booking_id: 1}]
              - name: expects_an_unknown_column
                model: stg_bookings
                given:
                  - input: ref('raw_bookings')
                    rows: [{booking_id: 1}]
                expect:
                  rows: [{booking_id: 1, colour: red}]
              - name: csv_rows_as_a_list
                model: stg_bookings
                given:
                  - input: ref('raw_bookings')
                    format: csv
                    rows: [{booking_id: 1}]
                expect:
                  rows: []
              - name: names_a_missing_fixture
                model: stg_bookings
                given:
                  - input: ref('raw_bookings')
                    format: csv
                    fixture: no_such_file
                expect:
                  rows: []
            """);
        Assert.Equal(0, project.Run("seed").ExitCode);
        var (code, output) = project.Run("test", new Dictionary<string, object?> { ["select"] = new[] { "unit_test:forgets_the_source", "unit_test:expects_an_unknown_column", "unit_test:names_a_missing_fixture", "unit_test:csv_rows_as_a_list" } });

        Assert.Equal(1, code);
        var statuses = project.Statuses();
        Assert.Equal("error", statuses["unit_test.fixture.paid_bookings.forgets_the_source"]);
        Assert.Equal("error", statuses["unit_test.fixture.stg_bookings.expects_an_unknown_column"]);
        // Each error names the file, line and column where the unit test starts.
        Assert.Contains("models/missing.yml:3:5: Unit test 'forgets_the_source' gives no input for source('raw', 'raw_payments'), which model 'paid_bookings' uses", output);
        Assert.Contains("models/missing.yml:10:5: Unit test 'expects_an_unknown_column' expects column 'colour'", output);
        Assert.Contains("Invalid column name: 'colour' in unit test fixture for expected output.", output);
        Assert.Equal("error", statuses["unit_test.fixture.stg_bookings.names_a_missing_fixture"]);
        Assert.Contains("Unit test 'names_a_missing_fixture' names fixture 'no_such_file', but no file no_such_file.csv was found under tests/fixtures", output);
        Assert.Equal("error", statuses["unit_test.fixture.stg_bookings.csv_rows_as_a_list"]);
        Assert.Contains("Unit test 'csv_rows_as_a_list' has input rows or fixtures which do not match format csv; expected a string", output);
        Assert.Contains("(models/missing.yml)", output);
    }
}
