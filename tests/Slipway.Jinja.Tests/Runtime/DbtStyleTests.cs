using System.Runtime.CompilerServices;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Tests.Runtime;

/// <summary>
/// dbt-shaped macros (statement/caller, dispatch, return(), namespaces, loops) in one shared macro namespace,
/// rendering a model; the expected text comes from Python's Jinja2 (gen/dbt_style.py).
/// </summary>
public class DbtStyleTests
{
    private static string Folder([CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(path)!, "DbtStyle");

    // Hosts may end a macro by throwing JinjaReturnException or through JinjaReturnException.Return (no exception).
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Model_renders_as_with_Jinja2(bool returnWithoutException)
    {
        var env = new JinjaEnvironment();
        var shared = new Dictionary<string, object?>();
        var log = new List<string>();
        shared["return"] = returnWithoutException
            ? new JinjaFunction("return", a => JinjaReturnException.Return(a.Positional[0]))
            : new JinjaFunction("return", a => throw new JinjaReturnException(a.Positional[0]));
        shared["log"] = new JinjaFunction("log", a => { log.Add((string)a.Positional[0]!); return ""; });
        shared["run_query"] = new JinjaFunction("run_query", a => new PyDict { ["rows"] = 1L, ["sql"] = a.Positional[0] });
        shared["store_result"] = new JinjaFunction("store_result", _ => "");
        shared["config"] = new JinjaFunction("config", _ => "");
        shared["ref"] = new JinjaFunction("ref", a => new Relation((string)a.Positional[0]!));
        shared["source"] = new JinjaFunction("source", a => new Relation(a.Positional[0] + "_" + a.Positional[1]));
        shared["is_incremental"] = new JinjaFunction("is_incremental", _ => true);
        shared["this"] = new Relation("this_model");
        shared["source_rel"] = new Relation("orders");
        shared["var"] = new JinjaFunction("var", a => a.Get(1, "default"));
        shared["adapter"] = new Adapter(shared);
        var module = env.FromString(File.ReadAllText(Path.Combine(Folder(), "macros.sql")), "macros.sql").MakeModule(shared);
        foreach (var (name, macro) in module.Macros) shared[name] = macro;

        var output = env.FromString(File.ReadAllText(Path.Combine(Folder(), "model.sql")), "model.sql").Render(shared);

        var expected = File.ReadAllText(Path.Combine(Folder(), "expected.txt"));
        Assert.Equal(expected, output + "\n" + "LOG ['" + string.Join("', '", log) + "']\n");
    }

    private sealed class Column(string name, string dtype) : IJinjaObject
    {
        public bool TryGetAttribute(string attribute, out object? value)
        {
            value = attribute switch { "name" => name, "dtype" => dtype, _ => null };
            return value is not null;
        }
    }

    private sealed class Relation(string name) : IJinjaObject
    {
        public bool TryGetAttribute(string attribute, out object? value)
        {
            value = attribute switch
            {
                "name" => name,
                "columns" => new List<object?> { new Column("id", "int"), new Column("amount", "numeric"), new Column("status", "text") },
                _ => null,
            };
            return value is not null;
        }

        public override string ToString() => "\"db\".\"main\".\"" + name + "\"";
    }

    private sealed class Adapter(Dictionary<string, object?> context) : IJinjaObject
    {
        public bool TryGetAttribute(string attribute, out object? value)
        {
            value = attribute switch
            {
                "dispatch" => new JinjaFunction("dispatch", a => context["default__" + a.Positional[0]]),
                "quote" => new JinjaFunction("quote", a => "\"" + a.Positional[0] + "\""),
                _ => null,
            };
            return value is not null;
        }
    }
}
