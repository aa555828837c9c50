using Slipway.Engine.Tests.Execution;

namespace Slipway.Engine.Tests.Materializations;

/// <summary>
/// Snapshots run twice (or more) over a changing source: the documented type-2 history (dbt_valid_from /
/// dbt_valid_to) for the timestamp and check strategies, hard deletes, and a column added to the source.
/// </summary>
public sealed class SnapshotTests : MaterializationTestBase
{
    private static ProjectRun Snapshot(string config, string rows)
    {
        var p = Project(("snapshots/snap.sql",
            "{% snapshot snap %}\n{{ config(target_schema='snapshots', unique_key='id', " + config + ") }}\nselect * from main.src\n{% endsnapshot %}\n"));
        Exec(p, $"create table main.src as select id, name, cast(updated_at as timestamp) as updated_at from (values {rows}) as s(id, name, updated_at)");
        return p;
    }

    private const string Timestamp = "strategy='timestamp', updated_at='updated_at'";

    private static string[] History(ProjectRun p) => Rows(p,
        "select id, name, strftime(dbt_valid_from, '%Y-%m-%d'), coalesce(strftime(dbt_valid_to, '%Y-%m-%d'), 'current') from snapshots.snap order by id, dbt_valid_from");

    [Fact]
    public void Timestamp_strategy_keeps_every_version()
    {
        using var p = Snapshot(Timestamp, "(1, 'a', '2024-01-01'), (2, 'b', '2024-01-01')");
        Run(p, "snapshot");
        Assert.Equal(["1|a|2024-01-01|current", "2|b|2024-01-01|current"], History(p));
        Exec(p, "update main.src set name = 'A', updated_at = '2024-02-01' where id = 1; insert into main.src values (3, 'c', '2024-02-01')");
        Run(p, "snapshot");
        Assert.Equal(["1|a|2024-01-01|2024-02-01", "1|A|2024-02-01|current", "2|b|2024-01-01|current", "3|c|2024-02-01|current"], History(p));
        // Nothing changed: a third run adds nothing.
        Run(p, "snapshot");
        Assert.Equal(4, History(p).Length);
        Assert.Equal(["4"], Rows(p, "select count(distinct dbt_scd_id) from snapshots.snap"));
    }

    [Fact]
    public void Timestamp_strategy_ignores_changes_without_a_later_updated_at()
    {
        using var p = Snapshot(Timestamp, "(1, 'a', '2024-01-01')");
        Run(p, "snapshot");
        Exec(p, "update main.src set name = 'changed quietly'");
        Run(p, "snapshot");
        Assert.Equal(["1|a|2024-01-01|current"], History(p));
    }

    [Fact]
    public void Check_strategy_versions_rows_whose_checked_columns_change()
    {
        using var p = Snapshot("strategy='check', check_cols=['name']", "(1, 'a', '2024-01-01'), (2, 'b', '2024-01-01')");
        Run(p, "snapshot");
        Exec(p, "update main.src set name = 'A' where id = 1; update main.src set updated_at = '2030-01-01' where id = 2");
        Run(p, "snapshot");
        Assert.Equal(["1|a|closed", "1|A|current", "2|b|current"], Rows(p,
            "select id, name, case when dbt_valid_to is null then 'current' else 'closed' end from snapshots.snap order by id, dbt_valid_from"));
    }

    [Fact]
    public void Check_strategy_all_columns_sees_a_null_becoming_a_value()
    {
        using var p = Snapshot("strategy='check', check_cols='all'", "(1, cast(null as varchar), '2024-01-01')");
        Run(p, "snapshot");
        Exec(p, "update main.src set name = 'now set'");
        Run(p, "snapshot");
        Assert.Equal(["1|∅|closed", "1|now set|current"], Rows(p,
            "select id, name, case when dbt_valid_to is null then 'current' else 'closed' end from snapshots.snap order by dbt_valid_from, dbt_valid_to nulls last"));
    }

    [Fact]
    public void Hard_deletes_invalidate_closes_rows_that_left_the_source()
    {
        using var p = Snapshot(Timestamp + ", hard_deletes='invalidate'", "(1, 'a', '2024-01-01'), (2, 'b', '2024-01-01')");
        Run(p, "snapshot");
        Exec(p, "delete from main.src where id = 2");
        Run(p, "snapshot");
        Assert.Equal(["1|current", "2|closed"], Rows(p,
            "select id, case when dbt_valid_to is null then 'current' else 'closed' end from snapshots.snap order by id"));
    }

    [Fact]
    public void Without_hard_deletes_a_removed_row_stays_current()
    {
        using var p = Snapshot(Timestamp, "(1, 'a', '2024-01-01'), (2, 'b', '2024-01-01')");
        Run(p, "snapshot");
        Exec(p, "delete from main.src where id = 2");
        Run(p, "snapshot");
        Assert.Equal(["1|current", "2|current"], Rows(p,
            "select id, case when dbt_valid_to is null then 'current' else 'closed' end from snapshots.snap order by id"));
    }

    [Fact]
    public void A_column_added_to_the_source_is_added_to_the_snapshot()
    {
        using var p = Snapshot(Timestamp, "(1, 'a', '2024-01-01')");
        Run(p, "snapshot");
        Exec(p, "alter table main.src add column tier integer; insert into main.src values (2, 'b', '2024-02-01', 7)");
        Run(p, "snapshot");
        Assert.Equal(["1|a|∅", "2|b|7"], Rows(p, "select id, name, tier from snapshots.snap order by id"));
    }

    [Fact]
    public void Composite_unique_key_and_valid_to_current()
    {
        using var p = Project(("snapshots/snap.sql", """
            {% snapshot snap %}
            {{ config(target_schema='snapshots', unique_key=['k1', 'k2'], strategy='timestamp', updated_at='updated_at',
                      dbt_valid_to_current="'9999-12-31'") }}
            select * from main.src
            {% endsnapshot %}
            """));
        Exec(p, "create table main.src as select k1, k2, v, cast(u as timestamp) as updated_at from (values (1, 'x', 10, '2024-01-01'), (1, 'y', 20, '2024-01-01')) as s(k1, k2, v, u)");
        Run(p, "snapshot");
        Exec(p, "update main.src set v = 21, updated_at = '2024-03-01' where k2 = 'y'");
        Run(p, "snapshot");
        Assert.Equal(["1|x|10|9999-12-31", "1|y|20|2024-03-01", "1|y|21|9999-12-31"], Rows(p,
            "select k1, k2, v, strftime(dbt_valid_to, '%Y-%m-%d') from snapshots.snap order by k1, k2, v"));
    }

    [Fact]
    public void Hard_deletes_new_record_records_the_deletion_and_the_return()
    {
        using var p = Snapshot(Timestamp + ", hard_deletes='new_record'", "(1, 'a', '2024-01-01'), (2, 'b', '2024-01-01')");
        Run(p, "snapshot");
        Assert.Equal(["1|False|current", "2|False|current"], Rows(p,
            "select id, dbt_is_deleted, case when dbt_valid_to is null then 'current' else 'closed' end from snapshots.snap order by id, dbt_valid_from"));
        Exec(p, "delete from main.src where id = 2");
        Run(p, "snapshot");
        Run(p, "snapshot");
        Assert.Equal(["1|a|False|current", "2|b|False|closed", "2|b|True|current"], Rows(p,
            "select id, name, dbt_is_deleted, case when dbt_valid_to is null then 'current' else 'closed' end from snapshots.snap order by id, dbt_valid_from"));
        Exec(p, "insert into main.src values (2, 'back', '2024-01-01')");
        Run(p, "snapshot");
        Assert.Equal(["1|a|False|current", "2|b|False|closed", "2|b|True|closed", "2|back|False|current"], Rows(p,
            "select id, name, dbt_is_deleted, case when dbt_valid_to is null then 'current' else 'closed' end from snapshots.snap order by id, name, dbt_is_deleted"));
    }
}
