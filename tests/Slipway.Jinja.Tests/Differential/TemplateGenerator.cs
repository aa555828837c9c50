using System.Text;

namespace Slipway.Jinja.Tests.Differential;

/// <summary>
/// Random templates from a small Jinja grammar: nested if/for/set/with/macro/call/namespace/do, typed expressions
/// (so most templates render rather than fail), filters, tests, literals and random whitespace control.
/// Seeded: the same seed always yields the same templates.
/// </summary>
internal sealed partial class TemplateGenerator(int seed)
{
    /// <summary>The context every generated template renders with (JSON-shaped so Python gets the same values).</summary>
    public const string ContextJson = """
        {"a": 3, "b": -2, "c": 2.5, "s": "abc", "t": "Hello World", "flag": true, "none": null,
         "xs": [1, 2, 3], "ys": [], "ws": ["x", "y z", ""], "d": {"k": 1, "m": "v"},
         "users": [{"name": "ann", "age": 31}, {"name": "bob", "age": 25}]}
        """;

    private readonly Random random = new(seed);
    private readonly StringBuilder output = new();
    private readonly List<Scope> scopes = [];
    private readonly List<Macro> macros = [];
    private readonly Dictionary<string, string> templates = new(StringComparer.Ordinal);
    private int nameCounter;

    private enum Kind { Int, Float, Str, Bool, IntList, StrList, Dict, Any }

    private sealed record Variable(string Name, Kind Kind);

    private sealed record Macro(string Name, int Required, bool Optional, bool UsesCaller, bool CatchesRest, bool CallerTakesArgument);

    private sealed class Scope
    {
        public List<Variable> Variables { get; } = [];
        public bool InLoop { get; init; }
        public bool InMacro { get; init; }
    }

    /// <summary>
    /// The next case: the main template and the extra templates it loads (a macro library it imports, a part it
    /// includes), or none.
    /// </summary>
    public (string Template, Dictionary<string, string> Templates) Next()
    {
        templates.Clear();
        macros.Clear();
        nameCounter = 0;
        var header = "";
        if (Chance(20)) header = MacroLibrary();
        if (Chance(15)) templates["part.sql"] = Fragment(random.Next(1, 4));
        return (header + Fragment(random.Next(1, 7)), new Dictionary<string, string>(templates, StringComparer.Ordinal));
    }

    /// <summary>Top-level statements in a fresh scope that sees only the context.</summary>
    private string Fragment(int statements)
    {
        output.Clear();
        scopes.Clear();
        var global = new Scope();
        global.Variables.AddRange([
            new("a", Kind.Int), new("b", Kind.Int), new("c", Kind.Float), new("s", Kind.Str), new("t", Kind.Str),
            new("flag", Kind.Bool), new("xs", Kind.IntList), new("ys", Kind.IntList), new("ws", Kind.StrList), new("d", Kind.Dict),
        ]);
        scopes.Add(global);
        for (var i = 0; i < statements; i++) Statement(depth: 0);
        return output.ToString();
    }

    /// <summary>Writes lib.sql with a few macros and returns the import tag the main template starts with.</summary>
    private string MacroLibrary()
    {
        output.Clear();
        scopes.Clear();
        scopes.Add(new Scope());
        scopes[0].Variables.AddRange([new("a", Kind.Int), new("s", Kind.Str), new("xs", Kind.IntList)]);
        for (var i = random.Next(1, 4); i > 0; i--) DefineMacro(0);
        if (Chance(30)) Emit("library text is not output when imported");
        templates["lib.sql"] = output.ToString();
        var context = Chance(50) ? " with context" : "";
        if (Chance(50))
        {
            for (var i = 0; i < macros.Count; i++) macros[i] = macros[i] with { Name = "lib." + macros[i].Name };
            return "{% import 'lib.sql' as lib" + context + " %}";
        }
        return "{% from 'lib.sql' import " + string.Join(", ", macros.Select(m => m.Name)) + context + " %}";
    }

    private bool Chance(int percent) => random.Next(100) < percent;

    private T Pick<T>(params T[] items) => items[random.Next(items.Length)];

    private string NewName(string prefix) => $"{prefix}{nameCounter++}";

    /// <summary>Variables a typed expression may use: the scopes up to the innermost macro body, then the globals.</summary>
    private IEnumerable<Variable> Visible()
    {
        for (var i = scopes.Count - 1; i >= 0; i--)
        {
            foreach (var v in scopes[i].Variables) yield return v;
            if (scopes[i].InMacro && i > 0)
            {
                foreach (var v in scopes[0].Variables) yield return v;
                yield break;
            }
        }
    }

    /// <summary>Inside a loop body, and not inside a macro or call body nested in it (break there is a syntax error).</summary>
    private bool InLoop
    {
        get
        {
            for (var i = scopes.Count - 1; i >= 0; i--)
            {
                if (scopes[i].InMacro) return false;
                if (scopes[i].InLoop) return true;
            }
            return false;
        }
    }

    private string Open(string tag) => "{%" + (Chance(20) ? "-" : "") + " " + tag + " " + (Chance(20) ? "-" : "") + "%}";

    private void Emit(string text) => output.Append(text);

    private void Block(int depth, Scope scope)
    {
        scopes.Add(scope);
        var count = random.Next(1, depth >= 2 ? 2 : 4);
        for (var i = 0; i < count; i++) Statement(depth + 1);
        scopes.RemoveAt(scopes.Count - 1);
    }
}
