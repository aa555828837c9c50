namespace Slipway.Adapters.Conformance.Capabilities;

/// <summary>
/// Snapshots over generations of a source table the test changes between runs: the type-2 history
/// (dbt_valid_from/dbt_valid_to) of the timestamp and check strategies and of hard deletes.
/// </summary>
public abstract class SnapshotConformance<TWarehouse> : CapabilityTestBase<TWarehouse> where TWarehouse : IWarehouse, new()
{
    private void Snapshot(string config, string rows)
    {
        Project(new Dictionary<string, string>
        {
            ["snapshots/snap.sql"] = "{% snapshot snap %}\n{{ config(target_schema=target.schema, unique_key='id', " + config +
                                     ") }}\nselect * from {{ target.schema }}.src\n{% endsnapshot %}\n",
        });
        Exec($"create schema if not exists {Schema}");
        Exec($"create table {Q("src")} as select id, name, cast(updated_at as timestamp) as updated_at from (values {rows}) as s(id, name, updated_at)");
    }

    private const string Timestamp = "strategy='timestamp', updated_at='updated_at'";

    private string[] History() => Rows(
        $"select id, name, dbt_valid_from, coalesce(cast(dbt_valid_to as varchar), 'current') from {Q("snap")} order by id, dbt_valid_from");

    private string[] OpenOrClosed() => Rows(
        $"select id, name, case when dbt_valid_to is null then 'current' else 'closed' end from {Q("snap")} order by id, dbt_valid_from");

    [Fact]
    public void Timestamp_strategy_keeps_each_version_over_three_generations()
    {
        Snapshot(Timestamp, "(1, 'a', '2024-01-01'), (2, 'b', '2024-01-01')");
        Ok("snapshot");
        Assert.Equal(["1|a|2024-01-01|current", "2|b|2024-01-01|current"], History());
        Exec($"update {Q("src")} set name = 'A', updated_at = '2024-02-01' where id = 1; insert into {Q("src")} values (3, 'c', '2024-02-01')");
        Ok("snapshot");
        Assert.Equal(["1|a|2024-01-01|2024-02-01 00:00:00", "1|A|2024-02-01|current", "2|b|2024-01-01|current", "3|c|2024-02-01|current"], History());
        Ok("snapshot");
        Assert.Equal(4, History().Length);
        Assert.Equal("4", Scalar($"select count(distinct dbt_scd_id) from {Q("snap")}"));
    }

    [Fact]
    public void Timestamp_strategy_ignores_a_change_without_a_later_updated_at()
    {
        Snapshot(Timestamp, "(1, 'a', '2024-01-01')");
        Ok("snapshot");
        Exec($"update {Q("src")} set name = 'quiet'");
        Ok("snapshot");
        Assert.Equal(["1|a|current"], OpenOrClosed());
    }

    [Fact]
    public void Check_strategy_versions_rows_whose_checked_columns_change()
    {
        Snapshot("strategy='check', check_cols=['name']", "(1, 'a', '2024-01-01'), (2, 'b', '2024-01-01')");
        Ok("snapshot");
        Exec($"update {Q("src")} set name = 'A' where id = 1; update {Q("src")} set updated_at = '2030-01-01' where id = 2");
        Ok("snapshot");
        Assert.Equal(["1|a|closed", "1|A|current", "2|b|current"], OpenOrClosed());
    }

    [Fact]
    public void Check_all_columns_sees_a_null_becoming_a_value()
    {
        Snapshot("strategy='check', check_cols='all'", "(1, cast(null as varchar), '2024-01-01')");
        Ok("snapshot");
        Exec($"update {Q("src")} set name = 'set'");
        Ok("snapshot");
        Assert.Equal(["1|∅|closed", "1|set|current"], OpenOrClosed());
    }

    [Fact]
    public void Hard_deletes_invalidate_closes_rows_gone_from_the_source()
    {
        Snapshot(Timestamp + ", hard_deletes='invalidate'", "(1, 'a', '2024-01-01'), (2, 'b', '2024-01-01')");
        Ok("snapshot");
        Exec($"delete from {Q("src")} where id = 2");
        Ok("snapshot");
        Assert.Equal(["1|a|current", "2|b|closed"], OpenOrClosed());
    }

    [Fact]
    public void Hard_deletes_new_record_adds_a_deleted_row_and_a_returning_row_reopens()
    {
        Snapshot(Timestamp + ", hard_deletes='new_record'", "(1, 'a', '2024-01-01'), (2, 'b', '2024-01-01')");
        Ok("snapshot");
        Exec($"delete from {Q("src")} where id = 2");
        Ok("snapshot");
        // dbt 1.9: the deletion is a new current row with dbt_is_deleted = 'True'.
        Assert.Equal(["1|a|False|current", "2|b|False|closed", "2|b|True|current"], Rows(
            $"select id, name, dbt_is_deleted, case when dbt_valid_to is null then 'current' else 'closed' end from {Q("snap")} order by id, name, dbt_is_deleted"));
        Exec($"insert into {Q("src")} values (2, 'back', '2024-03-01')");
        Ok("snapshot");
        Assert.Equal(["2|b|False|closed", "2|b|True|closed", "2|back|False|current"], Rows(
            $"select id, name, dbt_is_deleted, case when dbt_valid_to is null then 'current' else 'closed' end from {Q("snap")} where id = 2 order by name, dbt_is_deleted"));
    }

    [Fact]
    public void Without_hard_deletes_a_removed_row_stays_current()
    {
        Snapshot(Timestamp, "(1, 'a', '2024-01-01'), (2, 'b', '2024-01-01')");
        Ok("snapshot");
        Exec($"delete from {Q("src")} where id = 2");
        Ok("snapshot");
        Assert.Equal(["1|a|current", "2|b|current"], OpenOrClosed());
    }

    [Fact]
    public void A_column_added_to_the_source_is_added_to_the_snapshot()
    {
        Snapshot(Timestamp, "(1, 'a', '2024-01-01')");
        Ok("snapshot");
        Exec($"alter table {Q("src")} add column tier integer; insert into {Q("src")} values (2, 'b', '2024-02-01', 7)");
        Ok("snapshot");
        Assert.Equal(["1|a|∅", "2|b|7"], Rows($"select id, name, tier from {Q("snap")} order by id"));
    }
}
