namespace Slipway.Adapters.Conformance.Capabilities;

/// <summary>
/// Every cross-database <c>dbt.*</c> utility macro, each in a table model of its own, compared with the result its
/// documentation promises (written by hand). One engine run per family; a failing macro is reported by name with
/// the rows it gave, so one run shows every difference of an adapter.
/// </summary>
public abstract class CrossDatabaseMacroConformance<TWarehouse> : CapabilityTestBase<TWarehouse> where TWarehouse : IWarehouse, new()
{
    private void Check(params (string Name, string Sql, string[] Expected)[] cases)
    {
        Project(cases.ToDictionary(c => $"models/{c.Name}.sql", c => "{{ config(materialized='table') }}\n" + c.Sql));
        var (_, output) = Run("run");
        var results = File.Exists(Path.Combine(Root, "target", "run_results.json")) ? Results() : new();
        var problems = new List<string>();
        foreach (var (name, _, expected) in cases)
        {
            var status = results.TryGetValue("model.conformance." + name, out var r) ? r.Status : "not run";
            if (status != "success")
            {
                problems.Add($"{name}: {status}");
                continue;
            }
            var rows = Rows($"select * from {Q(name)} order by 1");
            if (!rows.SequenceEqual(expected)) problems.Add($"{name}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", rows)}]");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n\n" + output);
    }

    [Fact]
    public void Dates() => Check(
        ("dateadd_day", "select {{ dbt.dateadd('day', 3, \"cast('2024-01-30' as date)\") }} as v", ["2024-02-02"]),
        ("dateadd_month_back", "select {{ dbt.dateadd('month', -1, \"cast('2024-03-31' as timestamp)\") }} as v", ["2024-02-29"]),
        ("dateadd_hour", "select {{ dbt.dateadd('hour', 5, \"cast('2024-01-01 22:00:00' as timestamp)\") }} as v", ["2024-01-02 03:00:00"]),
        ("datediff_day", "select {{ dbt.datediff(\"cast('2024-01-01' as date)\", \"cast('2024-03-01' as date)\", 'day') }} as v", ["60"]),
        ("datediff_week", "select {{ dbt.datediff(\"cast('2024-01-01' as date)\", \"cast('2024-01-15' as date)\", 'week') }} as v", ["2"]),
        // Dateparts crossed, not whole periods elapsed: Jan 31 → Feb 1 is one month, Dec 31 → Jan 1 one year.
        ("datediff_month", "select {{ dbt.datediff(\"cast('2024-01-31' as date)\", \"cast('2024-02-01' as date)\", 'month') }} as v", ["1"]),
        ("datediff_month_back", "select {{ dbt.datediff(\"cast('2024-03-01' as date)\", \"cast('2024-01-01' as date)\", 'month') }} as v", ["-2"]),
        ("datediff_year", "select {{ dbt.datediff(\"cast('2023-12-31' as date)\", \"cast('2024-01-01' as date)\", 'year') }} as v", ["1"]),
        ("datediff_hour", "select {{ dbt.datediff(\"cast('2024-01-01 10:30:00' as timestamp)\", \"cast('2024-01-01 12:10:00' as timestamp)\", 'hour') }} as v", ["2"]),
        ("datediff_minute", "select {{ dbt.datediff(\"cast('2024-01-01 10:30:59' as timestamp)\", \"cast('2024-01-01 10:32:00' as timestamp)\", 'minute') }} as v", ["2"]),
        ("date_trunc_month", "select {{ dbt.date_trunc('month', \"cast('2024-02-15 10:11:12' as timestamp)\") }} as v", ["2024-02-01"]),
        ("date_trunc_week", "select {{ dbt.date_trunc('week', \"cast('2024-01-17' as date)\") }} as v", ["2024-01-15"]),
        ("last_day_month", "select {{ dbt.last_day(\"cast('2024-02-10' as date)\", 'month') }} as v", ["2024-02-29"]),
        ("last_day_quarter", "select {{ dbt.last_day(\"cast('2024-05-10' as date)\", 'quarter') }} as v", ["2024-06-30"]),
        ("last_day_year", "select {{ dbt.last_day(\"cast('2023-07-01' as date)\", 'year') }} as v", ["2023-12-31"]),
        ("date_parts", "select {{ dbt.date(2024, 2, 29) }} as v", ["2024-02-29"]),
        ("current_ts", "select cast({{ dbt.current_timestamp() }} as date) > cast('2024-01-01' as date) as v", ["true"]));

    [Fact]
    public void Strings() => Check(
        ("split_part_2", "select {{ dbt.split_part(\"'a,b,c'\", \"','\", 2) }} as v", ["b"]),
        ("split_part_last", "select {{ dbt.split_part(\"'a,b,c'\", \"','\", -1) }} as v", ["c"]),
        ("concat", "select {{ dbt.concat([\"'a'\", \"'b'\", \"'c'\"]) }} as v", ["abc"]),
        ("hash", "select {{ dbt.hash(\"'abc'\") }} as v", ["900150983cd24fb0d6963f7d28e17f72"]),
        ("position", "select {{ dbt.position(\"'b'\", \"'abc'\") }} as v", ["2"]),
        ("right", "select {{ dbt.right(\"'abcd'\", 2) }} as v", ["cd"]),
        ("length", "select {{ dbt.length(\"'abc'\") }} as v", ["3"]),
        ("replace", "select {{ dbt.replace(\"'abcb'\", \"'b'\", \"'x'\") }} as v", ["axcx"]),
        ("string_literal", "select {{ dbt.string_literal('abc') }} as v", ["abc"]),
        ("escape_quotes", "select '{{ dbt.escape_single_quotes(\"it's\") }}' as v", ["it's"]),
        ("bool_to_text", "select {{ dbt.cast_bool_to_text('(1 = 1)') }} as v union all select {{ dbt.cast_bool_to_text('(1 = 0)') }}", ["false", "true"]));

    [Fact]
    public void Types_and_casts() => Check(
        ("cast_int", "select {{ dbt.cast(\"'12'\", dbt.type_int()) }} as v", ["12"]),
        ("safe_cast_int", "select {{ dbt.safe_cast(\"'12'\", dbt.type_int()) }} as v", ["12"]),
        ("type_string", "select cast(12 as {{ dbt.type_string() }}) as v", ["12"]),
        ("type_float", "select cast('1.5' as {{ dbt.type_float() }}) as v", ["1.5"]),
        ("type_numeric", "select cast('1.25' as {{ dbt.type_numeric() }}) as v", ["1.25"]),
        ("type_bigint", "select cast('9000000000' as {{ dbt.type_bigint() }}) as v", ["9000000000"]),
        ("type_int", "select cast('-7' as {{ dbt.type_int() }}) as v", ["-7"]),
        ("type_boolean", "select cast('true' as {{ dbt.type_boolean() }}) as v", ["true"]),
        ("type_timestamp", "select cast('2024-01-02 03:04:05' as {{ dbt.type_timestamp() }}) as v", ["2024-01-02 03:04:05"]));

    [Fact]
    public void Aggregates() => Check(
        ("any_value", "select {{ dbt.any_value('x') }} as v from (values (7), (7)) as t(x)", ["7"]),
        ("bool_or_true", "select {{ dbt.bool_or('x') }} as v from (values (true), (false)) as t(x)", ["true"]),
        ("bool_or_false", "select {{ dbt.bool_or('x') }} as v from (values (false), (false)) as t(x)", ["false"]),
        ("listagg", "select {{ dbt.listagg('x', \"'-'\", 'order by o') }} as v from (values ('b', 2), ('a', 1), ('c', 3)) as t(x, o)", ["a-b-c"]),
        ("listagg_limit", "select {{ dbt.listagg('x', \"'-'\", 'order by o', 2) }} as v from (values ('b', 2), ('a', 1), ('c', 3)) as t(x, o)", ["a-b"]),
        ("listagg_grouped", "select g || ':' || {{ dbt.listagg('x', \"', '\", 'order by x desc') }} as v from (values (1, 'p'), (1, 'q'), (2, 'r')) as t(g, x) group by g", ["1:q, p", "2:r"]));

    [Fact]
    public void Sets_and_arrays() => Check(
        ("except_rows", "select v from (values (1), (2), (3)) as t(v) {{ dbt.except() }} select 2", ["1", "3"]),
        ("intersect_rows", "select v from (values (1), (2), (3)) as t(v) {{ dbt.intersect() }} select 2", ["2"]),
        // Null-safe: two nulls are equal.
        ("equals", "select case when {{ dbt.equals('a', 'b') }} then 'same' else 'different' end as v from (values (cast(null as integer), cast(null as integer)), (1, 2), (3, 3)) as t(a, b)", ["different", "same", "same"]),
        ("array_construct", "select {{ dbt.array_construct([1, 2, 3]) }} as v", ["[1,2,3]"]),
        ("array_empty", "select {{ dbt.array_construct([]) }} as v", ["[]"]),
        ("array_append", "select {{ dbt.array_append(dbt.array_construct([1, 2]), 3) }} as v", ["[1,2,3]"]),
        ("array_concat", "select {{ dbt.array_concat(dbt.array_construct([1]), dbt.array_construct([2, 3])) }} as v", ["[1,2,3]"]));

    [Fact]
    public void Series_and_spines() => Check(
        ("series", "{{ dbt.generate_series(5) }}", ["1", "2", "3", "4", "5"]),
        ("series_one", "{{ dbt.generate_series(1) }}", ["1"]),
        ("spine_day", "{{ dbt.date_spine('day', \"cast('2024-01-30' as date)\", \"cast('2024-02-02' as date)\") }}", ["2024-01-30", "2024-01-31", "2024-02-01"]),
        ("spine_month", "{{ dbt.date_spine('month', \"cast('2024-01-01' as date)\", \"cast('2024-04-01' as date)\") }}", ["2024-01-01", "2024-02-01", "2024-03-01"]));
}
