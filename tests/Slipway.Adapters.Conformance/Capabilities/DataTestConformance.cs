namespace Slipway.Adapters.Conformance.Capabilities;

/// <summary>Generic and singular data tests: statuses (pass, fail, warn), failure counts, and store_failures' audit tables.</summary>
public abstract class DataTestConformance<TWarehouse> : CapabilityTestBase<TWarehouse> where TWarehouse : IWarehouse, new()
{
    private const string Schema_yml = """
        version: 2
        models:
          - name: people
            columns:
              - name: id
                data_tests: [unique, not_null]
              - name: status
                data_tests:
                  - accepted_values:
                      values: ['a', 'b']
                  - accepted_values:
                      name: status_is_a_b_or_z
                      values: ['a', 'b', 'z']
              - name: team_id
                data_tests:
                  - not_null
                  - relationships:
                      to: ref('teams')
                      field: team_id
                      config:
                        severity: warn
          - name: teams
            columns:
              - name: team_id
                data_tests: [unique, not_null]
        """;

    private void People(string projectYaml = "") => Project(new Dictionary<string, string>
    {
        ["models/people.sql"] = "{{ config(materialized='table') }}\nselect * from (values (1, 'a', 10), (2, 'b', 20), (2, 'z', 99), (null, 'a', 10), (5, 'z', 20)) as t(id, status, team_id)",
        ["models/teams.sql"] = "{{ config(materialized='table') }}\nselect * from (values (10), (20)) as t(team_id)",
        ["models/schema.yml"] = Schema_yml,
        ["tests/no_team_above_50.sql"] = "select * from {{ ref('people') }} where team_id > 50",
        ["tests/every_team_has_people.sql"] = "select t.team_id from {{ ref('teams') }} t left join {{ ref('people') }} p on p.team_id = t.team_id where p.team_id is null",
    }, projectYaml);

    private static (string Status, long? Failures) Find(Dictionary<string, (string Status, long? Failures)> results, string prefix) =>
        results.Single(r => r.Key.StartsWith("test.conformance." + prefix + ".", StringComparison.Ordinal) || r.Key == "test.conformance." + prefix).Value;

    [Fact]
    public void Statuses_and_failure_counts()
    {
        People();
        Ok("run");
        Ok("test", expectedExit: 1);
        var r = Results();
        Assert.Equal(10, r.Count);
        Assert.Equal(("fail", 1L), Find(r, "unique_people_id"));
        Assert.Equal(("fail", 1L), Find(r, "not_null_people_id"));
        Assert.Equal(("fail", 1L), Find(r, "accepted_values_people_status__a__b"));
        Assert.Equal(("pass", 0L), Find(r, "status_is_a_b_or_z"));
        Assert.Equal(("pass", 0L), Find(r, "not_null_people_team_id"));
        Assert.Equal(("warn", 1L), Find(r, "relationships_people_team_id__team_id__ref_teams_"));
        Assert.Equal(("pass", 0L), Find(r, "unique_teams_team_id"));
        Assert.Equal(("fail", 1L), Find(r, "no_team_above_50"));
        Assert.Equal(("pass", 0L), Find(r, "every_team_has_people"));
    }

    [Fact]
    public void Build_skips_the_children_of_a_model_whose_test_fails()
    {
        People();
        Write("models/after_people.sql", "select count(*) as n from {{ ref('people') }}");
        Ok("build", expectedExit: 1);
        var r = Results();
        Assert.Equal("success", r["model.conformance.people"].Status);
        Assert.Equal("skipped", r["model.conformance.after_people"].Status);
        Assert.Equal("success", r["model.conformance.teams"].Status);
    }

    [Fact]
    public void Store_failures_keeps_the_failing_rows_in_the_audit_schema()
    {
        People("data_tests:\n  +store_failures: true\n");
        Ok("run");
        var output = Ok("test", expectedExit: 1);
        Assert.True(Results().Values.All(r => r.Status is "pass" or "fail" or "warn"), output);
        var audit = Schema + "_dbt_test__audit";
        // Each test's failing rows, in a table named after the test; a passing test leaves an empty table.
        Assert.Equal(["2|2"], Rows($"select unique_field, n_records from {audit}.unique_people_id"));
        Assert.Equal(["∅|a|10"], Rows($"select id, status, team_id from {audit}.not_null_people_id"));
        Assert.Equal(["z|2"], Rows($"select value_field, n_records from {audit}.accepted_values_people_status__a__b"));
        Assert.Equal(["2|z|99"], Rows($"select id, status, team_id from {audit}.no_team_above_50"));
        Assert.Equal("0", Scalar($"select count(*) from {audit}.unique_teams_team_id"));
        // A second run replaces the stored rows rather than adding to them.
        Ok("test", expectedExit: 1);
        Assert.Equal(["2|2"], Rows($"select unique_field, n_records from {audit}.unique_people_id"));
    }

    [Fact]
    public void Store_failures_as_view_keeps_a_view_of_the_failing_rows()
    {
        People("data_tests:\n  +store_failures_as: view\n");
        Ok("run");
        Ok("test", expectedExit: 1);
        var audit = Schema + "_dbt_test__audit";
        Assert.Contains("unique_people_id:view", Relations(audit));
        Exec($"insert into {Q("people")} values (5, 'a', 10)");
        // A view: it sees the rows as they are now.
        Assert.Equal(["2|2", "5|2"], Rows($"select unique_field, n_records from {audit}.unique_people_id order by 1"));
    }

    [Fact]
    public void Warn_if_and_error_if_thresholds_decide_the_status()
    {
        Project(new Dictionary<string, string>
        {
            ["models/m.sql"] = "{{ config(materialized='table') }}\nselect * from (values (1), (1), (2), (2), (3), (3)) as t(id)",
            ["models/schema.yml"] = """
                version: 2
                models:
                  - name: m
                    columns:
                      - name: id
                        data_tests:
                          - unique:
                              config: {severity: error, warn_if: '>1', error_if: '>5'}
                """,
        });
        Ok("build");
        Assert.Equal(("warn", 3L), Find(Results(), "unique_m_id"));
    }
}
