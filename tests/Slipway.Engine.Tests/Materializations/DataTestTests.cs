using Slipway.Engine.Tests.Execution;

namespace Slipway.Engine.Tests.Materializations;

/// <summary>
/// The test materialization and the four generic tests: pass and fail with failure counts, severity, warn_if /
/// error_if / fail_calc / limit / where configs, and store_failures into &lt;schema&gt;_dbt_test__audit.
/// </summary>
public sealed class DataTestTests : MaterializationTestBase
{
    private const string Orders = "select * from (values (1, 10, 'placed'), (2, 10, 'shipped'), (2, 11, 'lost'), (3, null, 'placed'), (4, 99, null)) as o(id, customer_id, status)";
    private const string Customers = "select * from (values (10), (11)) as c(id)";

    private static ProjectRun Shop(string testsYaml) => Project(
        ("models/orders.sql", "{{ config(materialized='table') }}\n" + Orders),
        ("models/customers.sql", "{{ config(materialized='table') }}\n" + Customers),
        ("models/schema.yml", "version: 2\nmodels:\n" + testsYaml));

    private static Dictionary<string, (string Status, long? Failures)> Results(ProjectRun p)
    {
        using var doc = p.RunResults();
        return doc.RootElement.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("unique_id").GetString()!.StartsWith("test.", StringComparison.Ordinal))
            .ToDictionary(
                r => r.GetProperty("unique_id").GetString()!.Split('.')[2],
                r => (r.GetProperty("status").GetString()!,
                      r.GetProperty("failures").ValueKind == System.Text.Json.JsonValueKind.Number ? r.GetProperty("failures").GetInt64() : (long?)null));
    }

    [Fact]
    public void Generic_tests_pass_and_fail_with_failure_counts()
    {
        using var p = Shop("""
              - name: orders
                columns:
                  - name: id
                    data_tests: [unique, not_null]
                  - name: customer_id
                    data_tests:
                      - not_null
                      - relationships:
                          arguments: {to: "ref('customers')", field: id}
                  - name: status
                    data_tests:
                      - accepted_values:
                          arguments: {values: [placed, shipped]}
              - name: customers
                columns:
                  - name: id
                    data_tests: [unique, not_null]
            """);
        Run(p, "build", expectedExit: 1);
        var r = Results(p);
        Assert.Equal(("fail", 1L), r["unique_orders_id"]);          // id 2 twice: one duplicated value
        Assert.Equal(("pass", 0L), r["not_null_orders_id"]);
        Assert.Equal(("fail", 1L), r["not_null_orders_customer_id"]);
        Assert.Equal(("fail", 1L), r["relationships_orders_customer_id__id__ref_customers_"]); // 99 has no customer; null is not checked
        Assert.Equal(("fail", 1L), r["accepted_values_orders_status__placed__shipped"]);      // 'lost' (null is not a value)
        Assert.Equal(("pass", 0L), r["unique_customers_id"]);
        Assert.Equal(("pass", 0L), r["not_null_customers_id"]);
    }

    [Fact]
    public void Accepted_values_without_quotes_compares_numbers()
    {
        using var p = Shop("""
              - name: orders
                columns:
                  - name: customer_id
                    data_tests:
                      - accepted_values:
                          arguments: {values: [10, 11, 99], quote: false}
            """);
        Run(p, "build");
        Assert.Equal(("pass", 0L), Assert.Single(Results(p)).Value);
    }

    [Fact]
    public void Severity_warn_and_thresholds_decide_the_status()
    {
        using var p = Shop("""
              - name: orders
                columns:
                  - name: status
                    data_tests:
                      - not_null:
                          config: {severity: warn}
                      - accepted_values:
                          arguments: {values: [placed]}
                          config: {warn_if: ">= 1", error_if: ">= 3"}
                  - name: customer_id
                    data_tests:
                      - not_null:
                          config: {where: "id < 3"}
                      - unique:
                          config: {fail_calc: "sum(n_records)", error_if: "> 2"}
            """);
        Run(p, "build");
        var r = Results(p);
        Assert.Equal(("warn", 1L), r["not_null_orders_status"]);
        Assert.Equal(("warn", 2L), r["accepted_values_orders_status__placed"]);   // shipped, lost
        Assert.Equal(("pass", 0L), r["not_null_orders_customer_id"]);             // the null row has id 3
        Assert.Equal(("warn", 2L), r["unique_orders_customer_id"]);                // customer 10 twice: sum(n_records) = 2: != 0 but not > 2
    }

    [Fact]
    public void Limit_caps_the_failures_counted()
    {
        using var p = Shop("""
              - name: orders
                columns:
                  - name: status
                    data_tests:
                      - accepted_values:
                          arguments: {values: [nothing]}
                          config: {limit: 2}
            """);
        Run(p, "build", expectedExit: 1);
        Assert.Equal(("fail", 2L), Assert.Single(Results(p)).Value);
    }

    [Fact]
    public void Store_failures_keeps_the_failing_rows_in_the_audit_schema()
    {
        using var p = Shop("""
              - name: orders
                columns:
                  - name: customer_id
                    data_tests:
                      - not_null:
                          config: {store_failures: true}
            """);
        Run(p, "build", expectedExit: 1);
        Assert.Equal(["not_null_orders_customer_id:BASE TABLE"], Relations(p, "main_dbt_test__audit"));
        Assert.Equal(["3|∅|placed"], Rows(p, "select * from main_dbt_test__audit.not_null_orders_customer_id"));
        // A second run replaces the stored rows rather than adding to them.
        Run(p, "test", expectedExit: 1);
        Assert.Equal(["1"], Rows(p, "select count(*) from main_dbt_test__audit.not_null_orders_customer_id"));
    }

    [Fact]
    public void Singular_tests_count_their_rows()
    {
        using var p = Project(
            ("models/m.sql", "{{ config(materialized='table') }}\nselect * from (values (1), (2), (3)) as t(x)"),
            ("tests/big_values.sql", "select * from {{ ref('m') }} where x > 1"));
        Run(p, "build", expectedExit: 1);
        Assert.Equal(("fail", 2L), Assert.Single(Results(p)).Value);
    }

    [Fact]
    public void Store_failures_as_view_and_the_store_failures_flag()
    {
        using var p = Shop("""
              - name: orders
                columns:
                  - name: customer_id
                    data_tests:
                      - not_null:
                          config: {store_failures_as: view}
                  - name: id
                    data_tests: [unique]
            """);
        Run(p, "build", expectedExit: 1, flags: new Dictionary<string, object?> { ["store_failures"] = true });
        Assert.Equal(["not_null_orders_customer_id:VIEW", "unique_orders_id:BASE TABLE"], Relations(p, "main_dbt_test__audit"));
        Assert.Equal(["2|2"], Rows(p, "select unique_field, n_records from main_dbt_test__audit.unique_orders_id"));
    }

    [Fact]
    public void Without_store_failures_no_audit_schema_is_made()
    {
        using var p = Shop("""
              - name: orders
                columns:
                  - name: customer_id
                    data_tests: [not_null]
            """);
        Run(p, "build", expectedExit: 1);
        Assert.Equal(["0"], Rows(p, "select count(*) from information_schema.schemata where schema_name = 'main_dbt_test__audit'"));
    }
}
