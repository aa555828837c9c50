using System.Text;
using Slipway.Jinja.Builtins;
using Slipway.Jinja.Syntax.Ast;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Runtime;

/// <summary>
/// Tree-walking interpreter. One instance per render (per thread); it also serves as the
/// <see cref="IRenderContext"/> given to filters and tests.
/// </summary>
internal sealed partial class Interpreter : IRenderContext
{
    [ThreadStatic] private static Interpreter? t_current;

    private readonly JinjaEnvironment _env;
    private readonly JinjaOptions _options;
    private readonly bool _chainable;
    private StringBuilder _out = new();
    private int _depth;
    private bool _autoescape;
    private long _iterations;
    /// <summary>Native rendering: top-level outputs kept as values.</summary>
    private List<object?>? _nativeParts;
    private StringBuilder? _nativeRoot;

    public Interpreter(JinjaEnvironment environment)
    {
        _env = environment;
        _options = environment.Options;
        _chainable = _options.Undefined == UndefinedBehavior.Chainable;
    }

    public JinjaEnvironment Environment => _env;

    /// <summary>Inside <c>{% autoescape true %}</c>.</summary>
    public bool Autoescape => _autoescape;

    /// <summary>Return: a host's return() ended the running macro (see <see cref="TryRequestReturn"/>).</summary>
    private enum Signal : byte { None, Break, Continue, Return }

    /// <summary>Macros (not call-block bodies) running on this interpreter: return() may end the innermost one.</summary>
    private int _macroDepth;
    /// <summary>Set by return(): statements stop running until the innermost macro takes <see cref="_returnValue"/>.</summary>
    private bool _returning;
    private object? _returnValue;

    /// <summary>Marks the innermost macro of the render on this thread as returning <paramref name="value"/>; false outside any macro.</summary>
    internal static bool TryRequestReturn(object? value)
    {
        if (t_current is not { _macroDepth: > 0 } current) return false;
        current._returning = true;
        current._returnValue = value;
        return true;
    }

    /// <summary>The interpreter of the render running on this thread, or a fresh one for a host call.</summary>
    internal static Interpreter ForCall(JinjaEnvironment environment) =>
        t_current is { } current && ReferenceEquals(current._env, environment) ? current : new Interpreter(environment);

    private T WithCurrent<T>(Func<T> body)
    {
        var previous = t_current;
        t_current = this;
        try { return body(); }
        finally { t_current = previous; }
    }

    // ---- entry points ---------------------------------------------------------------------------

    public string Render(Template template, IDictionary<string, object?>? context) => WithCurrent(() =>
    {
        var ctx = new TemplateContext(template, context ?? EmptyContext, null);
        RunTemplate(ctx);
        return _out.ToString();
    });

    public object? RenderNative(Template template, IDictionary<string, object?>? context) => WithCurrent(() =>
    {
        _nativeParts = new List<object?>();
        _nativeRoot = _out;
        var ctx = new TemplateContext(template, context ?? EmptyContext, null);
        RunTemplate(ctx);
        var parts = _nativeParts;
        _nativeParts = null;
        if (parts.Count == 0) return null;
        if (parts.Count == 1 && parts[0] is not string) return parts[0];
        var sb = new StringBuilder();
        foreach (var p in parts) sb.Append(Py.ToStr(p));
        var raw = sb.ToString();
        return NativeLiteral.TryParse(raw, out var value) ? value : raw;
    });

    public TemplateModule MakeModule(Template template, IDictionary<string, object?> context) =>
        WithCurrent(() => BuildModule(template, context, null));

    private static readonly IDictionary<string, object?> EmptyContext = new Dictionary<string, object?>();

    private TemplateModule BuildModule(Template template, IDictionary<string, object?> parent, Frame? outer)
    {
        var ctx = new TemplateContext(template, parent, outer);
        var saved = _out;
        _out = new StringBuilder();
        string body;
        try
        {
            RunTemplate(ctx);
            body = _out.ToString();
        }
        finally { _out = saved; }
        var vars = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in ctx.Exported)
            if (ctx.Root.Vars!.TryGetValue(name, out var v)) vars[name] = v;
        return new TemplateModule(template.Name, ctx.Macros, vars, body, ctx.Docs, ctx.Snapshots, ctx.SnapshotBodies);
    }

    /// <summary>Runs a template's body, then the templates it extends (sharing its variables and blocks).</summary>
    private void RunTemplate(TemplateContext ctx)
    {
        Exec(ctx.Template.Root.Body, ctx.Root);
        while (!_returning && ctx.ParentTemplate is { } parent)
        {
            ctx.ParentTemplate = null;
            if (ctx.SuppressedOutput is { } real)
            {
                _out = real;
                ctx.SuppressedOutput = null;
            }
            Exec(parent.Root.Body, ctx.RootFor(parent));
        }
    }

    // ---- output -----------------------------------------------------------------------------------

    private void Write(string text)
    {
        if (_nativeParts is not null && ReferenceEquals(_out, _nativeRoot))
        {
            _nativeParts.Add(text);
            return;
        }
        _out.Append(text);
        CheckOutputLength();
    }

    private void CheckOutputLength()
    {
        if (_out.Length > _options.MaxOutputLength)
            throw new JinjaRuntimeException($"the output is longer than the limit of {_options.MaxOutputLength} characters (JinjaOptions.MaxOutputLength)", "LimitExceeded");
    }

    private void WriteValue(object? value)
    {
        if (_nativeParts is not null && ReferenceEquals(_out, _nativeRoot))
        {
            _nativeParts.Add(value);
            return;
        }
        if (_autoescape)
        {
            Write(Py.EscapeValue(value).Value);
            return;
        }
        switch (value)
        {
            case string s: Write(s); break;
            case long l:
                _out.Append(l);
                CheckOutputLength();
                break;
            case bool b: Write(b ? "True" : "False"); break;
            case null: Write("None"); break;
            default: Write(Py.ToStr(value)); break;
        }
    }

    /// <summary>Runs <paramref name="body"/> and returns what it printed (Markup under autoescape, as Jinja2).</summary>
    private object Capture(Stmt[] body, Frame frame) => Capture(body, frame, out _);

    /// <summary>As <see cref="Capture(Stmt[], Frame)"/>, also giving a break/continue that ended the body early.</summary>
    private object Capture(Stmt[] body, Frame frame, out Signal signal)
    {
        var saved = _out;
        _out = RentBuilder();
        try
        {
            signal = Exec(body, frame);
            return Captured(_out.ToString());
        }
        finally
        {
            ReturnBuilder(_out);
            _out = saved;
        }
    }

    private object Captured(string text) => _autoescape ? new Markup(text) : text;

    private readonly Stack<StringBuilder> _builders = new();

    /// <summary>Output buffers for macro calls and captures are reused: a render makes many short ones.</summary>
    private StringBuilder RentBuilder() => _builders.TryPop(out var sb) ? sb : new StringBuilder(256);

    private void ReturnBuilder(StringBuilder sb)
    {
        if (sb.Capacity > 64 * 1024 || _builders.Count > 16) return;
        sb.Clear();
        _builders.Push(sb);
    }

    // ---- statements -------------------------------------------------------------------------------

    private Signal Exec(Stmt[] body, Frame frame)
    {
        for (var i = 0; i < body.Length; i++)
        {
            var s = body[i];
            Signal signal;
            try { signal = ExecStmt(s, frame); }
            catch (JinjaRuntimeException e) { throw Locate(e, s, frame); }
            if (signal != Signal.None) return signal;
            if (_returning) return Signal.Return;
        }
        return Signal.None;
    }

    internal static TemplateError Locate(JinjaRuntimeException e, Node at, Frame frame) => Locate(e, at.Line, at.Column, frame);

    internal static TemplateError Locate(JinjaRuntimeException e, int line, int column, Frame frame)
    {
        var t = frame.Template;
        return new TemplateError(e.PythonType, e.Message, t.Name, line, column, t.Text.LineText(line), e);
    }

    private Signal ExecStmt(Stmt s, Frame frame)
    {
        switch (s.Kind)
        {
            case NodeKind.Text: Write(((TextStmt)s).Text); return Signal.None;
            case NodeKind.Output: WriteValue(Eval(((OutputStmt)s).Value, frame)); return Signal.None;
            case NodeKind.If:
                var iff = (IfStmt)s;
                return Exec(EvalBool(iff.Test, frame) ? iff.Body : iff.Else, frame);
            case NodeKind.For: return ExecFor((ForStmt)s, frame);
            case NodeKind.Set:
                var set = (SetStmt)s;
                Assign(set.Target, Eval(set.Value, frame), frame);
                return Signal.None;
            case NodeKind.SetBlock:
                var sb = (SetBlockStmt)s;
                object? captured = Capture(sb.Body, new Frame(frame, frame.Context, frame.Template), out var setSignal);
                // A break/continue inside the block leaves the loop before the assignment, as in Jinja2.
                if (setSignal != Signal.None) return setSignal;
                if (sb.Filter is not null) captured = ApplyFilterChain(sb.Filter, captured, frame);
                Assign(sb.Target, captured, frame);
                return Signal.None;
            case NodeKind.Macro: DefineMacro(((MacroStmt)s).Def, frame); return Signal.None;
            case NodeKind.CallBlock: ExecCallBlock((CallBlockStmt)s, frame); return Signal.None;
            case NodeKind.FilterBlock:
                var fb = (FilterBlockStmt)s;
                var filtered = Capture(fb.Body, new Frame(frame, frame.Context, frame.Template), out var filterSignal);
                if (filterSignal != Signal.None) return filterSignal;
                WriteValue(ApplyFilterChain(fb.Filter, filtered, frame));
                return Signal.None;
            case NodeKind.Do: Eval(((DoStmt)s).Value, frame); return Signal.None;
            case NodeKind.With: return ExecWith((WithStmt)s, frame);
            case NodeKind.Break: return Signal.Break;
            case NodeKind.Continue: return Signal.Continue;
            case NodeKind.Include: ExecInclude((IncludeStmt)s, frame); return Signal.None;
            case NodeKind.Import: ExecImport((ImportStmt)s, frame); return Signal.None;
            case NodeKind.FromImport: ExecFromImport((FromImportStmt)s, frame); return Signal.None;
            case NodeKind.Extends: ExecExtends((ExtendsStmt)s, frame); return Signal.None;
            case NodeKind.Block: ExecBlock((BlockStmt)s, frame); return Signal.None;
            case NodeKind.Scope: return ExecScope((ScopeStmt)s, frame);
            case NodeKind.Docs:
                var docs = (DocsStmt)s;
                frame.Context.Docs[docs.Name] = docs.Text;
                return Signal.None;
            case NodeKind.Snapshot:
                var snap = (SnapshotStmt)s;
                frame.Context.Snapshots.Add(snap.Name);
                var snapStart = _out.Length;
                var snapSignal = Exec(snap.Body, frame);
                frame.Context.SnapshotBodies[snap.Name] = _out.ToString(snapStart, _out.Length - snapStart);
                return snapSignal;
            default:
                throw new JinjaRuntimeException($"cannot run a {s.Kind} node", "TemplateRuntimeError");
        }
    }

    private Signal ExecScope(ScopeStmt s, Frame frame)
    {
        if (s.Autoescape is null) return Exec(s.Body, frame);
        var saved = _autoescape;
        _autoescape = IsTruthy(Eval(s.Autoescape, frame));
        try { return Exec(s.Body, frame); }
        finally { _autoescape = saved; }
    }

    private Signal ExecWith(WithStmt w, Frame frame)
    {
        var inner = new Frame(frame, frame.Context, frame.Template);
        var values = new object?[w.Values.Length];
        try
        {
            for (var i = 0; i < values.Length; i++) values[i] = Eval(w.Values[i], frame);
        }
        catch (JinjaRuntimeException e)
        {
            throw Locate(e, w.ValuesLine, 1, frame);
        }
        for (var i = 0; i < values.Length; i++) Assign(w.Targets[i], values[i], inner);
        return Exec(w.Body, inner);
    }

    private void DefineMacro(MacroDef def, Frame frame)
    {
        var macro = new Macro(def, frame, _env);
        frame.Set(def.Name, macro);
        if (frame.IsRoot)
        {
            frame.Context.Export(def.Name);
            frame.Context.Macros[def.Name] = macro;
        }
    }

    private void ExecCallBlock(CallBlockStmt s, Frame frame)
    {
        var caller = new Macro(s.CallerDef, frame, _env);
        var callee = Eval(s.Call.Callee, frame);
        var args = BuildArguments(s.Call.Args, frame, caller);
        WriteValue(CallValue(callee, args));
    }

    /// <summary>Assignment to a name, a tuple of targets (unpacking) or <c>ns.attr</c>.</summary>
    private void Assign(Expr target, object? value, Frame frame)
    {
        switch (target.Kind)
        {
            case NodeKind.Name:
                var name = ((NameExpr)target).Name;
                frame.Set(name, value);
                if (frame.IsRoot) frame.Context.Export(name);
                return;
            case NodeKind.Tuple:
                var items = ((TupleExpr)target).Items;
                var values = Unpack(value, items.Length);
                for (var i = 0; i < items.Length; i++) Assign(items[i], Py.FromHost(values[i]), frame);
                return;
            case NodeKind.NSRef:
                var ns = (NSRefExpr)target;
                if (Resolve(ns.Name, frame) is not Namespace space)
                    throw new JinjaRuntimeException("cannot assign attribute on non-namespace object", "TemplateRuntimeError");
                space.Attributes[ns.Attr] = value;
                return;
            default:
                throw new JinjaRuntimeException("cannot assign to this expression", "TemplateRuntimeError");
        }
    }

    private static IReadOnlyList<object?> Unpack(object? value, int count)
    {
        if (value is null or bool or long or double)
            throw new JinjaRuntimeException($"cannot unpack non-iterable {Py.TypeName(value)} object", "TypeError");
        IReadOnlyList<object?> list = value switch
        {
            PyTuple t => t,
            List<object?> l => l,
            _ => Py.Iterate(value).ToList(),
        };
        if (list.Count > count)
            throw new JinjaRuntimeException($"too many values to unpack (expected {count})", "ValueError");
        if (list.Count < count)
            throw new JinjaRuntimeException($"not enough values to unpack (expected {count}, got {list.Count})", "ValueError");
        return list;
    }

    private void EnterCall()
    {
        // Deep template recursion must end in a RecursionError, never in a process-killing stack overflow.
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw new JinjaRuntimeException("maximum recursion depth exceeded", "RecursionError");
        if (++_depth > _options.MaxRecursionDepth)
        {
            _depth--;
            throw new JinjaRuntimeException("maximum recursion depth exceeded", "RecursionError");
        }
    }

    private void CountIteration()
    {
        if (++_iterations > _options.MaxLoopIterations)
            throw new JinjaRuntimeException($"more than {_options.MaxLoopIterations} loop iterations in one render (JinjaOptions.MaxLoopIterations)", "LimitExceeded");
    }
}
