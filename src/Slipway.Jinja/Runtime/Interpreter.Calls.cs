using Slipway.Jinja.Syntax.Ast;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Runtime;

// Calls, filters, tests and macro invocation (Jinja2's Macro.__call__ binding rules).
internal sealed partial class Interpreter
{
    private static readonly Dictionary<string, object?> NoKeywords = new();

    private Arguments BuildArguments(CallArgs a, Frame frame, Macro? caller)
    {
        if (a.Positional.Length == 0 && a.KeywordNames.Length == 0 && a.DynArgs is null && a.DynKwargs is null && caller is null)
            return Arguments.Empty;
        IReadOnlyList<object?> positional;
        if (a.DynArgs is null)
        {
            var arr = new object?[a.Positional.Length];
            for (var i = 0; i < arr.Length; i++) arr[i] = Eval(a.Positional[i], frame);
            positional = arr;
        }
        else
        {
            var list = new List<object?>(a.Positional.Length + 4);
            foreach (var p in a.Positional) list.Add(Eval(p, frame));
            list.AddRange(Py.Iterate(Eval(a.DynArgs, frame)));
            positional = list;
        }
        Dictionary<string, object?>? kw = null;
        for (var i = 0; i < a.KeywordNames.Length; i++)
            (kw ??= new(StringComparer.Ordinal))[a.KeywordNames[i]] = Eval(a.KeywordValues[i], frame);
        if (a.DynKwargs is not null)
        {
            var extra = Eval(a.DynKwargs, frame);
            kw ??= new(StringComparer.Ordinal);
            switch (extra)
            {
                case PyDict pd:
                    foreach (var (k, v) in pd)
                        kw[k as string ?? throw new JinjaRuntimeException("keywords must be strings", "TypeError")] = v;
                    break;
                case IDictionary<string, object?> hd:
                    foreach (var (k, v) in hd) kw[k] = v;
                    break;
                default:
                    throw new JinjaRuntimeException($"argument after ** must be a mapping, not {Py.TypeName(extra)}", "TypeError");
            }
        }
        if (caller is not null) (kw ??= new(StringComparer.Ordinal))["caller"] = caller;
        return new Arguments(positional, kw);
    }

    private object? CallValue(object? callee, Arguments args)
    {
        switch (callee)
        {
            case Macro m: return InvokeMacro(m, args);
            case Undefined u: return UndefinedAccess(u);
            default: return Py.FromHost(Py.Call(callee, args));
        }
    }

    /// <summary>Binds arguments as Jinja2's Macro.__call__ does, runs the body, returns its text (or a return() value).</summary>
    internal object? InvokeMacro(Macro macro, Arguments args)
    {
        var previous = t_current;
        if (!ReferenceEquals(previous, this)) t_current = this;
        EnterCall();
        var saved = _out;
        try
        {
            var def = macro.Definition;
            var frame = new Frame(macro.Closure, macro.Closure.Context, macro.Closure.Template);
            Bind(def, args, frame);
            _out = RentBuilder();
            if (!def.IsCaller) _macroDepth++;
            // A macro called in the rest of an expression after return() runs normally; the mark comes back after.
            var (outerReturning, outerValue) = (_returning, _returnValue);
            _returning = false;
            _returnValue = null;
            try
            {
                Exec(def.Body, frame);
                // The body of a call block is not a macro of its own: as in dbt, return() there ends the
                // nearest real macro (e.g. the one that called caller()), so only a real macro takes the value.
                if (_returning && !def.IsCaller)
                {
                    var value = _returnValue;
                    _returning = false;
                    _returnValue = null;
                    return value;
                }
                return Captured(_out.ToString());
            }
            catch (JinjaReturnException r) when (!def.IsCaller)
            {
                return r.Value;
            }
            finally
            {
                if (!def.IsCaller) _macroDepth--;
                // A real macro has taken its own return value (or an error raised after return() left it); a call
                // block body's return() stays marked for the macro around it.
                if (!def.IsCaller || !_returning) (_returning, _returnValue) = (outerReturning, outerValue);
                ReturnBuilder(_out);
            }
        }
        finally
        {
            _out = saved;
            _depth--;
            if (!ReferenceEquals(previous, this)) t_current = previous;
        }
    }

    private void Bind(MacroDef def, Arguments args, Frame frame)
    {
        var parameters = def.Parameters;
        var n = parameters.Length;
        var pos = args.Positional;
        Dictionary<string, object?>? kwargs = args.Keyword.Count == 0 ? null : new(args.Keyword, StringComparer.Ordinal);
        var bound = Math.Min(pos.Count, n);
        bool foundCaller;
        Span<bool> missing = n <= 32 ? stackalloc bool[n] : new bool[n];
        for (var i = 0; i < bound; i++) frame.Set(parameters[i], pos[i]);
        if (bound != n)
        {
            foundCaller = false;
            for (var i = bound; i < n; i++)
            {
                var name = parameters[i];
                if (kwargs is not null && kwargs.Remove(name, out var v)) frame.Set(name, v);
                else missing[i] = true;
                if (name == "caller") foundCaller = true;
            }
        }
        else
        {
            foundCaller = Array.IndexOf(parameters, "caller") >= 0;
        }
        if (def.Caller && !foundCaller)
        {
            object? caller = null;
            if (kwargs is not null && kwargs.Remove("caller", out var c)) caller = c;
            frame.Set("caller", caller ?? MakeUndefined("caller", "No caller defined"));
        }
        if (def.CatchKwargs)
        {
            var dict = new PyDict();
            if (kwargs is not null)
                foreach (var (k, v) in kwargs) dict[k] = v;
            frame.Set("kwargs", dict);
        }
        else if (kwargs is { Count: > 0 })
        {
            if (kwargs.ContainsKey("caller"))
                throw new JinjaRuntimeException($"macro {NameRepr(def)} was invoked with two values for the special caller argument. This is most likely a bug.", "TypeError");
            throw new JinjaRuntimeException($"macro {NameRepr(def)} takes no keyword argument '{kwargs.Keys.First()}'", "TypeError");
        }
        if (def.CatchVarargs)
        {
            var extra = pos.Count > n ? pos.Skip(n).ToArray() : [];
            frame.Set("varargs", extra.Length == 0 ? PyTuple.Empty : new PyTuple(extra));
        }
        else if (pos.Count > n)
        {
            throw new JinjaRuntimeException($"macro {NameRepr(def)} takes not more than {n} argument(s)", "TypeError");
        }
        // Defaults are evaluated in the macro's own frame, in order, so they may use earlier parameters.
        for (var i = 0; i < n; i++)
        {
            if (!missing[i]) continue;
            var d = def.Defaults[i];
            if (d is null)
            {
                frame.Set(parameters[i], MakeUndefined(parameters[i], $"parameter '{parameters[i]}' was not provided"));
                continue;
            }
            // A failing default belongs to the macro's own template and line, not to the call site.
            try { frame.Set(parameters[i], Eval(d, frame)); }
            catch (JinjaRuntimeException e) { throw Locate(e, def.Line, def.Column, frame); }
        }
    }

    /// <summary>A filter block's or set block's chain (<c>{% filter upper|trim %}</c>) applied to the captured body.</summary>
    private object? ApplyFilterChain(FilterExpr f, object? body, Frame frame)
    {
        var input = f.Value is FilterExpr inner ? ApplyFilterChain(inner, body, frame) : body;
        return ApplyFilter(f, input, frame);
    }

    private object? ApplyFilter(FilterExpr f, object? value, Frame frame)
    {
        if (!_env.Filters.TryGetValue(f.Name, out var filter))
            throw new JinjaRuntimeException($"No filter named '{f.Name}' found.", "TemplateRuntimeError");
        return filter(this, value, BuildArguments(f.Args, frame, null));
    }

    private bool EvalTest(TestExpr t, Frame frame)
    {
        if (!_env.Tests.TryGetValue(t.Name, out var test))
            throw new JinjaRuntimeException($"No test named '{t.Name}' found.", "TemplateRuntimeError");
        return test(this, Eval(t.Value, frame), BuildArguments(t.Args, frame, null));
    }

    public object? CallFilter(string name, object? value, Arguments arguments)
    {
        if (!_env.Filters.TryGetValue(name, out var filter))
            throw new JinjaRuntimeException($"No filter named '{name}'.", "TemplateRuntimeError");
        return filter(this, value, arguments);
    }

    public bool CallTest(string name, object? value, Arguments arguments)
    {
        if (!_env.Tests.TryGetValue(name, out var test))
            throw new JinjaRuntimeException($"No test named '{name}'.", "TemplateRuntimeError");
        return test(this, value, arguments);
    }

    /// <summary>The macro's name as Jinja2's messages print it: a call block's caller has none (None).</summary>
    private static string NameRepr(MacroDef def) => def.IsCaller ? "None" : $"'{def.Name}'";
}
