namespace Slipway.Engine.Tests.Execution;

/// <summary>
/// Run-time context members and flags from the Engine II list not covered elsewhere: <c>api.Column</c> from
/// <c>get_columns_in_relation</c>, <c>run_query</c>'s table (<c>column_names</c>, <c>rows</c>, <c>print_table</c>),
/// <c>modules.pytz</c>, <c>show --inline --limit</c>, and <c>-q</c>.
/// </summary>
public sealed class RunContextMemberTests
{
    private static ProjectRun Boats() => new(new Dictionary<string, string>
    {
        ["models/boats.sql"] = "{{ config(materialized='table') }}\nselect * from (values (1, 'Osprey', 12.5), (2, 'Tern', 8.0), (3, 'Auk', 10.25)) t(id, name, length_m)",
        ["macros/ops.sql"] = """
            {% macro describe_columns() %}
                {% for c in adapter.get_columns_in_relation(ref('boats')) %}
                    {% do print([c.name, c.quoted, c.dtype, c.is_string(), c.is_number(), c.is_integer()] | join('|')) %}
                {% endfor %}
                {% set made = api.Column.create('note', 'text') %}
                {% do print([made.name, made.quoted, made.dtype, made.is_string(), made.string_size()] | join('|')) %}
            {% endmacro %}
            {% macro table_of(n) %}
                {% set t = run_query('select id, name from ' ~ ref('boats') ~ ' where id <= ' ~ n ~ ' order by id') %}
                {% do print('columns=' ~ (t.column_names | join(',')) ~ ' rows=' ~ (t.rows | length) ~ ' first=' ~ t.rows[0][1]) %}
                {% do t.print_table() %}
            {% endmacro %}
            {% macro zones() %}
                {% do print(modules.pytz.utc ~ ' ' ~ modules.pytz.timezone('Europe/Oslo')) %}
            {% endmacro %}
            """,
    });

    [Fact]
    public void Columns_of_a_relation_answer_name_quoted_dtype_and_type_tests()
    {
        using var project = Boats();
        Assert.Equal(0, project.Run("run").ExitCode);
        var (code, output) = project.Run("run-operation", null, ["describe_columns"]);
        Assert.True(code == 0, output);
        Assert.Contains("id|\"id\"|INTEGER|False|True|True", output);
        Assert.Contains("name|\"name\"|VARCHAR|True|False|False", output);
        // dbt's Column: text is a string type whose size, unknown, reads as 256.
        Assert.Contains("note|\"note\"|text|True|256", output);
    }

    [Fact]
    public void Run_query_returns_a_table_with_names_rows_and_print_table()
    {
        using var project = Boats();
        Assert.Equal(0, project.Run("run").ExitCode);
        // print_table writes to standard output as agate does, not through the event log.
        var stdout = new StringWriter();
        var previous = Slipway.Adapters.Results.ResultTable.Output;
        Slipway.Adapters.Results.ResultTable.Output = stdout;
        (int ExitCode, string Output) op;
        try
        {
            op = project.Run("run-operation", new Dictionary<string, object?> { ["args"] = "{n: 2}" }, ["table_of"]);
        }
        finally
        {
            Slipway.Adapters.Results.ResultTable.Output = previous;
        }
        Assert.True(op.ExitCode == 0, op.Output);
        Assert.Contains("columns=id,name rows=2 first=Osprey", op.Output);
        Assert.Contains("| id | name   |\n| -- | ------ |\n|  1 | Osprey |\n|  2 | Tern   |", stdout.ToString().Replace("\r", ""));
    }

    [Fact]
    public void Modules_pytz_names_utc_and_a_zone()
    {
        using var project = Boats();
        var (code, output) = project.Run("run-operation", null, ["zones"]);
        Assert.True(code == 0, output);
        Assert.Contains("UTC Europe/Oslo", output);
    }

    [Fact]
    public void Show_inline_compiles_refs_and_limits_the_rows()
    {
        using var project = Boats();
        Assert.Equal(0, project.Run("run").ExitCode);
        var (code, output) = project.Run("show", new Dictionary<string, object?>
        {
            ["inline"] = "select name, length_m from {{ ref('boats') }} order by length_m desc", ["limit"] = 2L,
        });
        Assert.True(code == 0, output);
        Assert.Contains("Previewing inline node:", output);
        Assert.Contains("| Osprey |", output);
        Assert.Contains("| Auk    |", output);
        Assert.DoesNotContain("Tern", output);
    }

    [Fact]
    public void Quiet_keeps_print_output_and_errors_but_not_the_progress_lines()
    {
        using var project = Boats();
        project.Write("models/loud.sql", "{% if execute %}{% do print('hello from print') %}{% endif %}\nselect 1 as id");
        project.Write("models/broken.sql", "select * from no_such_table");
        var (code, output) = project.Run("run", new Dictionary<string, object?> { ["quiet"] = true });
        Assert.Equal(1, code);
        Assert.Contains("hello from print", output);
        Assert.Contains("no_such_table", output);
        Assert.DoesNotContain("START", output);
        Assert.DoesNotContain("Concurrency:", output);
        Assert.Equal("1", project.Scalar("select id from main.loud"));
    }

    [Fact]
    public void Target_path_moves_run_results_manifest_and_the_compiled_and_run_sql()
    {
        using var project = Boats();
        var (code, output) = project.Run("run", new Dictionary<string, object?> { ["target_path"] = "elsewhere" });
        Assert.True(code == 0, output);
        Assert.True(File.Exists(Path.Combine(project.Root, "elsewhere", "run_results.json")));
        Assert.True(File.Exists(Path.Combine(project.Root, "elsewhere", "manifest.json")));
        Assert.Contains("Osprey", File.ReadAllText(Path.Combine(project.Root, "elsewhere", "compiled", "fixture", "models", "boats.sql")));
        Assert.Contains("create or replace table", File.ReadAllText(Path.Combine(project.Root, "elsewhere", "run", "fixture", "models", "boats.sql")));
        Assert.False(Directory.Exists(Path.Combine(project.Root, "target")));
    }

    [Fact]
    public void Helpers_invocation_id_run_started_at_and_exceptions_warn_at_run_time()
    {
        // Expected values from Python: hashlib.md5(b'harbour').hexdigest(), json.dumps, yaml.safe_dump(sort_keys=False).
        using var project = new ProjectRun(new Dictionary<string, string>
        {
            ["models/helpers.sql"] = """
                {% if execute %}{% do exceptions.warn('careful with the tide') %}{% endif %}
                select '{{ invocation_id }}' as inv,
                       '{{ run_started_at.strftime("%Y-%m-%d") }}' as day,
                       '{{ local_md5("harbour") }}' as md5,
                       '{{ fromyaml("a: 1\nb: [x, y]")["b"][1] }}' as from_yaml,
                       '{{ toyaml({"a": 1, "b": ["x"]}) | replace("\n", "/") }}' as to_yaml,
                       {{ fromjson('{"k": [1, 2]}')["k"][1] }} as from_json,
                       '{{ tojson({"b": 1, "a": 2}) }}' as to_json
                """,
        });
        var (code, output) = project.Run("run");
        Assert.True(code == 0, output);
        Assert.Contains("careful with the tide", output);
        using var doc = project.RunResults();
        var metadata = doc.RootElement.GetProperty("metadata");
        var row = project.Query("select inv, day, md5, from_yaml, to_yaml, from_json, to_json from main.helpers").Single();
        Assert.Equal(metadata.GetProperty("invocation_id").GetString(), row[0]);
        Assert.Equal(metadata.GetProperty("generated_at").GetString()![..10], row[1]);
        Assert.Equal("08609bcf387d13162a529fbc0edff508", row[2]);
        Assert.Equal("y", row[3]);
        Assert.Equal("a: 1/b:/- x/", row[4]);
        Assert.Equal("2", row[5]);
        Assert.Equal("{\"b\": 1, \"a\": 2}", row[6]);
    }
}
