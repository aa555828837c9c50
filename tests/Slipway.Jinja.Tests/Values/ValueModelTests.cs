using Slipway.Jinja.Builtins;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Tests.Values;

/// <summary>
/// The value model where the case files cannot reach: host (.NET) values, dict keys, undefineds, engine objects.
/// Expected texts are what python3 prints for the equivalent Python values.
/// </summary>
public sealed class ValueModelTests
{
    [Fact]
    public void HostNumbersBecomePythonIntsAndFloats()
    {
        Assert.Equal(3L, Py.FromHost(3));
        Assert.Equal(3L, Py.FromHost((byte)3));
        Assert.Equal(2.5, Py.FromHost(2.5m));
        Assert.Equal(0.5, Py.FromHost(0.5f));
        Assert.Equal("x", Py.FromHost('x'));
        Assert.Equal("[1, 2.5, 'a', None]", Py.Repr(Py.FromHost(new object?[] { 1, 2.5m, "a", null })));
    }

    [Fact]
    public void HostDictionariesReadAndMutateInPlace()
    {
        var host = new Dictionary<string, object?> { ["a"] = 1, ["b"] = new List<object?> { 1, 2 } };
        Assert.Equal("{'a': 1, 'b': [1, 2]}", Py.Repr(host));
        Assert.True(Py.TryGetAttr(host, "update", out var update));
        Py.Call(update, new Arguments([], new Dictionary<string, object?> { ["c"] = 3L }));
        Assert.Equal(3L, host["c"]);
        Assert.True(Py.TryGetAttr(host, "pop", out var pop));
        Assert.Equal(1L, Py.Call(pop, new Arguments(["a"])));
        Assert.False(host.ContainsKey("a"));
        Assert.True(Py.Contains(host, "b"));
        Assert.False(Py.Contains(host, 1L));
        Assert.Equal(2L, Py.Length(host));
    }

    [Fact]
    public void TypedHostCollectionsAreCopiedIntoPythonValues()
    {
        var names = Py.FromHost(new List<string> { "a", "b" });
        Assert.Equal("['a', 'b']", Py.Repr(names));
        var counts = Py.FromHost(new Dictionary<string, int> { ["x"] = 1 });
        Assert.Equal("{'x': 1}", Py.Repr(counts));
        Assert.True(Py.IsTruthy(Py.FromHost(new HashSet<int> { 1 })));
    }

    [Fact]
    public void JsonDocumentsReadAsJsonLoadsWould()
    {
        // python3: json.loads('{"a": [1, 2.0, 1e3, "x", null, true], "b": {"c": -7}}')
        const string json = "{\"a\": [1, 2.0, 1e3, \"x\", null, true], \"b\": {\"c\": -7}}";
        const string expected = "{'a': [1, 2.0, 1000.0, 'x', None, True], 'b': {'c': -7}}";
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(expected, Py.Repr(Py.FromHost(document.RootElement)));
        Assert.Equal(expected, Py.Repr(Py.FromHost(System.Text.Json.Nodes.JsonNode.Parse(json))));
    }

    /// <summary>Like an agate MappedSequence: items by position or by name, iterated as values.</summary>
    private sealed class Columns(params (string Name, object? Value)[] columns) : IJinjaIndexable, IReadOnlyList<object?>
    {
        public bool TryGetItem(object? key, out object? value)
        {
            var index = key is long i ? (int)i : Array.FindIndex(columns, c => c.Name == key as string);
            value = index >= 0 && index < columns.Length ? columns[index].Value : null;
            return index >= 0 && index < columns.Length;
        }

        public object? this[int index] => columns[index].Value;
        public int Count => columns.Length;
        public IEnumerator<object?> GetEnumerator() => columns.Select(c => c.Value).GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Fact]
    public void IndexableHostObjectsAnswerSubscripts()
    {
        var columns = new Columns(("id", 1), ("name", "a"));
        var context = new Dictionary<string, object?> { ["columns"] = columns };
        var text = new JinjaEnvironment().FromString(
            "{{ columns['name'] }}|{{ columns[0] }}|{{ columns['zz'] is defined }}|{{ columns|length }}|{{ columns|list }}|{{ 'a' in columns }}").Render(context);
        Assert.Equal("a|1|False|2|[1, 'a']|True", text);
    }

    [Fact]
    public void DictKeysFollowPythonEquality()
    {
        // Python: d = {}; d[1] = 'x'; d[1.0] = 'y'; d[True] = 'z' -> {1: 'z'}
        var d = new PyDict();
        Py.DictSet(d, 1L, "x");
        Py.DictSet(d, 1.0, "y");
        Py.DictSet(d, true, "z");
        Assert.Equal("{1: 'z'}", Py.Repr(d));
        Py.DictSet(d, null, "n");
        Assert.Equal("{1: 'z', None: 'n'}", Py.Repr(d));
        Assert.True(Py.TryGetItem(d, null, out var none) && (string)none! == "n");
        Assert.True(Py.TryGetItem(d, 1.0, out var one) && (string)one! == "z");
        var e = Assert.Throws<JinjaRuntimeException>(() => Py.DictSet(d, new List<object?>(), 1L));
        Assert.Equal(("TypeError", "unhashable type: 'list'"), (e.PythonType, e.Message));
        Assert.Equal(PyKeyComparer.Instance.GetHashCode("k"), PyKeyComparer.Instance.GetHashCode(new Markup("k")));
    }

    [Fact]
    public void DefaultUndefinedIsEmptyFalsyAndFailsOnAttributes()
    {
        var u = new Undefined("x");
        Assert.Equal("", Py.ToStr(u));
        Assert.False(Py.IsTruthy(u));
        Assert.Empty(Py.Iterate(u));
        Assert.Equal(0L, Py.Length(u));
        Assert.True(Py.Equal(u, new Undefined("y")));
        Assert.False(Py.Equal(u, null));
        Assert.False(Py.Contains(u, 1L));
        Assert.Equal("Undefined", Py.Repr(u));
        var e = Assert.Throws<JinjaRuntimeException>(() => Py.TryGetAttr(u, "a", out _));
        Assert.Equal(("UndefinedError", "'x' is undefined"), (e.PythonType, e.Message));
        Assert.Throws<JinjaRuntimeException>(() => Py.Binary("+", u, 1L));
        Assert.Throws<JinjaRuntimeException>(() => Py.Call(u, Arguments.Empty));
    }

    [Fact]
    public void UndefinedMessagesQuoteTheNameAsPythonReprDoes()
    {
        // jinja2: str(Undefined() + 1) -> "None is undefined"; Undefined(name="it's") + 1 -> "\"it's\" is undefined"
        Assert.Equal("None is undefined", new Undefined(null).Message);
        Assert.Equal("\"it's\" is undefined", new Undefined("it's").Message);
        Assert.Equal("'x' is undefined", new Undefined("x").Message);
    }

    [Fact]
    public void StrictUndefinedFailsOnEveryUseButRepr()
    {
        var u = new Undefined("x", isStrict: true);
        foreach (var use in new Action[]
        {
            () => Py.ToStr(u), () => Py.IsTruthy(u), () => Py.Iterate(u), () => Py.Length(u),
            () => Py.Equal(u, 1L), () => Py.Equal(1L, u), () => Py.Contains(u, 1L), () => Py.Contains(new List<object?> { 1L }, u),
        })
        {
            var e = Assert.Throws<JinjaRuntimeException>(use);
            Assert.Equal("'x' is undefined", e.Message);
        }
        Assert.Equal("[Undefined]", Py.Repr(new List<object?> { u }));
        Assert.Equal("StrictUndefined", Py.TypeName(u));
    }

    [Fact]
    public void RangesBehaveLikePythonRanges()
    {
        var r = new PyRange(0, 10, 3);
        Assert.Equal("range(0, 10, 3)", Py.Repr(r));
        Assert.Equal("range(3, 12, 3)", Py.Repr(Py.Slice(r, 1L, null, null)));
        Assert.Equal("range(0, 10, 3)", Py.Repr(Py.Slice(new PyRange(0, 10, 1), 0L, 10L, 3L)));
        Assert.Equal("[10, 4]", Py.Repr(Py.Iterate(Py.Slice(new PyRange(10, 0, -3), null, null, 2L)).ToList()));
        Assert.True(Py.Contains(r, 3.0));
        Assert.False(Py.Contains(r, 4L));
        Assert.Equal(4L, Py.Length(r));
        Assert.True(Py.Equal(new PyRange(0, 0, 1), new PyRange(5, 2, 1)));
    }

    [Fact]
    public void DictViewsPrintAndMeasureLikePython()
    {
        var d = new PyDict { ["a"] = 1L };
        Assert.True(Py.TryGetAttr(d, "items", out var items));
        var view = Py.Call(items, Arguments.Empty);
        Assert.Equal("dict_items([('a', 1)])", Py.Repr(view));
        Assert.Equal(1L, Py.Length(view));
        Assert.True(Py.IsTruthy(view));
        Assert.True(Py.Contains(view, new PyTuple(["a", 1L])));
    }

    [Fact]
    public void MarkupEscapesWhatIsAddedToIt()
    {
        // markupsafe: Markup('<b>') + '<i>' -> Markup('<b>&lt;i&gt;'); Markup('%s!') % '<x>' -> Markup('&lt;x&gt;!')
        Assert.Equal("Markup('<b>&lt;i&gt;')", Py.Repr(Py.Binary("+", new Markup("<b>"), "<i>")));
        Assert.Equal("Markup('&lt;i&gt;<b>')", Py.Repr(Py.Binary("+", "<i>", new Markup("<b>"))));
        Assert.Equal("Markup('&lt;x&gt;!')", Py.Repr(Py.Binary("%", new Markup("%s!"), "<x>")));
        Assert.Equal("&amp;&lt;&gt;&#34;&#39;", Py.Escape("&<>\"'"));
        Assert.Equal("Markup('AB')", Py.Repr(Py.Call(Py.TryGetAttr(new Markup("ab"), "upper", out var m) ? m : null, Arguments.Empty)));
    }

    [Fact]
    public void TypesAreNamedAsJinja2NamesThemInMessages()
    {
        // jinja2.utils.object_type_repr: None, builtins as "<name> object", others with their module.
        Assert.Equal("None", Py.ObjectTypeRepr(null));
        Assert.Equal("dict object", Py.ObjectTypeRepr(new PyDict()));
        Assert.Equal("str object", Py.ObjectTypeRepr("x"));
        Assert.Equal("markupsafe.Markup object", Py.ObjectTypeRepr(new Markup("x")));
        Assert.Equal("jinja2.utils.Namespace object", Py.ObjectTypeRepr(new Namespace()));
        Assert.Equal("range object", Py.ObjectTypeRepr(new PyRange(0, 1, 1)));
    }

    [Fact]
    public void NegativeBasesWithFractionalPowersAreComplex()
    {
        // python3: (-8) ** (1/3) -> (1.0000000000000002+1.7320508075688772j)
        var c = Py.Binary("**", -8L, 1.0 / 3);
        Assert.Equal("(1.0000000000000002+1.7320508075688772j)", Py.ToStr(c));
        Assert.Equal("complex", Py.TypeName(c));
        Assert.True(Py.IsTruthy(c));
    }

    [Fact]
    public void SixtyFourBitIntsOverflowLoudly()
    {
        var e = Assert.Throws<JinjaRuntimeException>(() => Py.Binary("**", 2L, 64L));
        Assert.Equal("OverflowError", e.PythonType);
        Assert.Equal(9223372036854775807L, Py.Binary("-", long.MaxValue, 0L));
    }

    [Fact]
    public void SeededRandomFilterAndLipsumAreRepeatable()
    {
        static string Render()
        {
            var env = new JinjaEnvironment();
            Slipway.Jinja.Builtins.Builtins.SeedRandom(env, 42);
            return env.FromString("{% for i in range(8) %}{{ range(50)|random }},{% endfor %}{{ lipsum(2, false) }}").Render(new Dictionary<string, object?>());
        }
        var first = Render();
        Assert.Equal(first, Render());
        Assert.Contains("\n\n", first);
    }
}
