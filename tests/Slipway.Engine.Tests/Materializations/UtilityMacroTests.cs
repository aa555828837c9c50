using DuckDB.NET.Data;
using Slipway.Engine.Compilation;
using Slipway.Engine.Tests.Parsing;

namespace Slipway.Engine.Tests.Materializations;

/// <summary>
/// The cross-database <c>dbt.*</c> utilities, compiled as a model's SQL and executed in DuckDB. Each case renders
/// one expression; the expected text is what SQL semantics (and dbt's documentation of the macro) give.
/// The <c>default__</c> variants are checked too where their SQL is valid DuckDB.
/// </summary>
public sealed class UtilityMacroTests
{
    private static readonly (string Name, string Sql, string? Expected)[] Cases =
    [
        ("dateadd_day", "cast({{ dbt.dateadd('day', 3, \"date '2024-01-30'\") }} as date)", "2024-02-02"),
        ("dateadd_month_clamps", "cast({{ dbt.dateadd('month', 1, \"date '2024-01-31'\") }} as date)", "2024-02-29"),
        ("dateadd_negative_hours", "{{ dbt.dateadd('hour', -2, \"timestamp '2024-01-01 01:00:00'\") }}", "2023-12-31 23:00:00"),
        ("default_dateadd", "cast({{ dbt.default__dateadd('day', 3, \"date '2024-01-30'\") }} as date)", "2024-02-02"),
        ("datediff_day", "{{ dbt.datediff(\"date '2024-01-01'\", \"date '2024-03-15'\", 'day') }}", "74"),
        ("datediff_month", "{{ dbt.datediff(\"date '2024-01-31'\", \"date '2024-03-01'\", 'month') }}", "2"),
        ("datediff_counts_boundaries", "{{ dbt.datediff(\"timestamp '2024-01-01 23:00:00'\", \"timestamp '2024-01-02 01:00:00'\", 'day') }}", "1"),
        ("datediff_negative", "{{ dbt.datediff(\"date '2024-03-01'\", \"date '2024-01-01'\", 'month') }}", "-2"),
        ("date_trunc_month", "cast({{ dbt.date_trunc('month', \"date '2024-05-17'\") }} as date)", "2024-05-01"),
        ("last_day_month", "{{ dbt.last_day(\"date '2024-02-10'\", 'month') }}", "2024-02-29"),
        ("last_day_quarter", "{{ dbt.last_day(\"date '2024-05-17'\", 'quarter') }}", "2024-06-30"),
        ("date", "{{ dbt.date(2024, 2, 29) }}", "2024-02-29"),
        ("split_part", "{{ dbt.split_part(\"'a,b,c'\", \"','\", 2) }}", "b"),
        ("split_part_negative", "{{ dbt.split_part(\"'a,b,c'\", \"','\", -1) }}", "c"),
        ("default_split_part", "{{ dbt.default__split_part(\"'a,b,c'\", \"','\", 3) }}", "c"),
        ("concat", "{{ dbt.concat([\"'a'\", \"'b'\", \"'c'\"]) }}", "abc"),
        ("hash", "{{ dbt.hash(\"'abc'\") }}", "900150983cd24fb0d6963f7d28e17f72"),
        ("safe_cast_bad", "{{ dbt.safe_cast(\"'x'\", dbt.type_int()) }}", null),
        ("safe_cast_good", "{{ dbt.safe_cast(\"'42'\", dbt.type_int()) }} + 1", "43"),
        ("cast", "{{ dbt.cast(\"'42'\", dbt.type_bigint()) }} * 2", "84"),
        ("type_numeric", "cast('1.5' as {{ dbt.type_numeric() }})", "1.500000"),
        ("type_string", "cast(5 as {{ dbt.type_string() }}) || 'x'", "5x"),
        ("type_timestamp", "cast('2024-01-02 03:04:05' as {{ dbt.type_timestamp() }})", "2024-01-02 03:04:05"),
        ("type_boolean", "cast('true' as {{ dbt.type_boolean() }})", "true"),
        ("type_float", "cast('0.5' as {{ dbt.type_float() }}) * 4", "2.0"),
        ("current_timestamp", "{{ dbt.current_timestamp() }} is not null", "true"),
        ("any_value", "(select {{ dbt.any_value('x') }} from (values (7), (7)) t(x))", "7"),
        ("bool_or", "(select {{ dbt.bool_or('x') }} from (values (false), (true), (false)) t(x))", "true"),
        ("listagg", "(select {{ dbt.listagg('x', \"'-'\", 'order by x') }} from (values ('b'), ('a'), ('c')) t(x))", "a-b-c"),
        ("listagg_limit", "(select {{ dbt.listagg('x', \"'-'\", 'order by x desc', 2) }} from (values ('b'), ('a'), ('c')) t(x))", "c-b"),
        ("default_listagg_limit", "(select {{ dbt.default__listagg('x', \"'-'\", 'order by x', 2) }} from (values ('b'), ('a'), ('c')) t(x))", "a-b"),
        ("position", "{{ dbt.position(\"'b'\", \"'abc'\") }}", "2"),
        ("right", "{{ dbt.right(\"'abcdef'\", 3) }}", "def"),
        ("length", "{{ dbt.length(\"'abcd'\") }}", "4"),
        ("replace", "{{ dbt.replace(\"'a-b-c'\", \"'-'\", \"'+'\") }}", "a+b+c"),
        ("string_literal", "{{ dbt.string_literal('hello') }}", "hello"),
        ("escape_single_quotes", "'{{ dbt.escape_single_quotes(\"it's\") }}'", "it's"),
        ("cast_bool_to_text", "{{ dbt.cast_bool_to_text('true') }}", "true"),
        ("except", "(select count(*) from (select x from (values (1), (2), (3)) t(x) {{ dbt.except() }} select x from (values (2)) s(x)))", "2"),
        ("intersect", "(select count(*) from (select x from (values (1), (2), (3)) t(x) {{ dbt.intersect() }} select x from (values (2)) s(x)))", "1"),
        ("equals_nulls", "{{ dbt.equals('null', 'null') }}", "true"),
        ("equals_different", "{{ dbt.equals('1', '2') }}", "false"),
        ("array_construct", "{{ dbt.array_construct(['1', '2', '3']) }}", "[1, 2, 3]"),
        ("array_construct_empty", "len({{ dbt.array_construct([]) }})", "0"),
        ("array_append", "{{ dbt.array_append(dbt.array_construct(['1', '2']), '3') }}", "[1, 2, 3]"),
        ("array_concat", "{{ dbt.array_concat(dbt.array_construct(['1']), dbt.array_construct(['2', '3'])) }}", "[1, 2, 3]"),
        ("generate_series", "(select count(*) || ':' || sum(generated_number) || ':' || max(generated_number) from ({{ dbt.generate_series(5) }}))", "5:15:5"),
        ("default_generate_series", "(select count(*) || ':' || sum(generated_number) || ':' || min(generated_number) from ({{ dbt.default__generate_series(37) }}))", "37:703:1"),
        ("default_generate_series_one", "(select count(*) || ':' || sum(generated_number) from ({{ dbt.default__generate_series(1) }}))", "1:1"),
    ];

    private static readonly Lazy<Dictionary<string, string>> Compiled = new(CompileAll);

    private static Dictionary<string, string> CompileAll()
    {
        var files = new List<(string, string)> { ("dbt_project.yml", "name: utils\nprofile: utils\n") };
        files.AddRange(Cases.Select(c => ($"models/{c.Name}.sql", $"select cast(({c.Sql}) as varchar) as v\n")));
        var parse = FixtureLoader.ParseFiles([.. files]);
        var compiler = new Compiler(parse);
        compiler.Compile(parse.Manifest.Nodes.Values.ToList());
        return parse.Manifest.Nodes.Values.ToDictionary(n => n.Name, n => n.CompiledCode!);
    }

    public static TheoryData<string> Names() => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Utility_gives_the_documented_result_in_duckdb(string name)
    {
        var expected = Cases.Single(c => c.Name == name).Expected;
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Compiled.Value[name];
        var value = command.ExecuteScalar();
        Assert.Equal(expected, value is DBNull ? null : (string?)value);
    }

    [Fact]
    public void A_project_macro_named_like_a_dispatched_one_wins()
    {
        var parse = FixtureLoader.ParseFiles(
            ("dbt_project.yml", "name: utils\nprofile: utils\n"),
            ("macros/my_hash.sql", "{% macro duckdb__hash(field) %}upper(md5({{ field }})){% endmacro %}"),
            ("models/m.sql", "select {{ dbt.hash(\"'abc'\") }} as v"));
        new Compiler(parse).Compile(parse.Manifest.Nodes.Values.ToList());
        Assert.Equal("select upper(md5('abc')) as v", parse.Manifest.Nodes["model.utils.m"].CompiledCode!.Trim());
    }

    [Fact]
    public void Default_date_renders_an_iso_literal_without_needing_modules_at_parse_time()
    {
        var parse = FixtureLoader.ParseFiles(
            ("dbt_project.yml", "name: utils\nprofile: utils\n"),
            ("models/m.sql", "select {{ dbt.default__date(2024, 3, 7) }} as v"));
        new Compiler(parse).Compile(parse.Manifest.Nodes.Values.ToList());
        Assert.Equal("select to_date('2024-03-07', 'YYYY-MM-DD') as v", parse.Manifest.Nodes["model.utils.m"].CompiledCode!.Trim());
    }
}
