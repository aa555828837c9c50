namespace Slipway.Engine.Tests.UnitTests;

/// <summary>Less common inputs: a given seed without rows stands for its CSV, and an empty expectation.</summary>
public sealed class UnitTestInputTests
{
    [Fact]
    public void A_given_seed_without_rows_uses_the_seed_file_and_empty_expectations_pass_on_no_rows()
    {
        using var project = new ProjectRun(MarinaProject.Files());
        project.Write("models/more.yml", """
            version: 2
            unit_tests:
              - name: seed_rows_are_the_csv
                model: stg_bookings
                given:
                  - input: ref('raw_bookings')
                expect:
                  rows:
                    - {booking_id: 1, boat_name: osprey, amount: 60}
                    - {booking_id: 2, boat_name: petrel, amount: 35}
                    - {booking_id: 3, boat_name: tern, amount: 80}
              - name: nothing_paid_enough
                model: paid_bookings
                overrides:
                  vars: {min_paid: 1000}
                given:
                  - input: ref('stg_bookings')
                    rows: [{booking_id: 1}]
                  - input: source('raw', 'raw_payments')
                    rows: [{booking_id: 1, paid_amount: 60}]
                expect:
                  rows: []
              - name: nothing_expected_but_a_row_came
                model: paid_bookings
                given:
                  - input: ref('stg_bookings')
                    rows: [{booking_id: 1}]
                  - input: source('raw', 'raw_payments')
                    rows: [{booking_id: 1, paid_amount: 60}]
                expect:
                  rows: []
            """);
        Assert.Equal(0, project.Run("seed").ExitCode);
        var (code, output) = project.Run("test", new Dictionary<string, object?> { ["select"] = new[] { "unit_test:seed_rows_are_the_csv", "unit_test:nothing_*" } });

        Assert.Equal(1, code);
        var statuses = project.Statuses();
        Assert.True(statuses["unit_test.fixture.stg_bookings.seed_rows_are_the_csv"] == "pass", output);
        Assert.Equal("pass", statuses["unit_test.fixture.paid_bookings.nothing_paid_enough"]);
        Assert.Equal("fail", statuses["unit_test.fixture.paid_bookings.nothing_expected_but_a_row_came"]);
        // With no expected rows every column of the model is compared; the one returned row is extra.
        Assert.Contains("@@  | booking_id | paid_amount | currency | marina | fee | fee_plus_one\n+++ | 1          | 60          | EUR      | north  | 5   | 6\n",
            output.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Input_cte_names_stay_within_postgres_63_byte_identifiers_and_stay_distinct()
    {
        // PostgreSQL truncates identifiers to 63 bytes (NAMEDATALEN - 1): two long names sharing a 63-byte start collide.
        var a = Slipway.Engine.UnitTests.UnitTestInput.CteNameFor("fct_orders__incremental_run_adds_only_newer_orders__int_order_lines");
        var b = Slipway.Engine.UnitTests.UnitTestInput.CteNameFor("fct_orders__incremental_run_adds_only_newer_orders__int_order_payments");
        Assert.True(System.Text.Encoding.UTF8.GetByteCount("__dbt__cte__" + a) <= 63, a);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount("__dbt__cte__" + b) <= 63, b);
        Assert.NotEqual(a, b);
        Assert.Equal("stg_orders", Slipway.Engine.UnitTests.UnitTestInput.CteNameFor("stg_orders"));
    }
}
