using System.Text;
using Slipway.Jinja.Syntax.Ast;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Runtime;

// Expression evaluation: Python semantics come from Py; this file adds Jinja's lookup and undefined rules.
internal sealed partial class Interpreter
{
    private object? Eval(Expr e, Frame frame)
    {
        switch (e.Kind)
        {
            case NodeKind.Const: return ((ConstExpr)e).Value;
            case NodeKind.Name: return Resolve(((NameExpr)e).Name, frame);
            case NodeKind.List:
                var listItems = ((ListExpr)e).Items;
                var list = new List<object?>(listItems.Length);
                for (var i = 0; i < listItems.Length; i++) list.Add(Eval(listItems[i], frame));
                return list;
            case NodeKind.Tuple:
                var tupleItems = ((TupleExpr)e).Items;
                if (tupleItems.Length == 0) return PyTuple.Empty;
                var values = new object?[tupleItems.Length];
                for (var i = 0; i < values.Length; i++) values[i] = Eval(tupleItems[i], frame);
                return new PyTuple(values);
            case NodeKind.Dict: return EvalDict((DictExpr)e, frame);
            case NodeKind.Getattr:
                var ga = (GetattrExpr)e;
                return GetAttr(Eval(ga.Obj, frame), ga.Attr);
            case NodeKind.Getitem:
                var gi = (GetitemExpr)e;
                var obj = Eval(gi.Obj, frame);
                if (gi.Key is SliceExpr sl)
                {
                    if (obj is Undefined su) return UndefinedAccess(su);
                    return EvalSlice(gi, sl, obj, frame);
                }
                return GetItem(obj, Eval(gi.Key, frame));
            case NodeKind.Binary:
                var b = (BinaryExpr)e;
                return Arithmetic(b.Op, Eval(b.Left, frame), Eval(b.Right, frame));
            case NodeKind.Unary:
                var u = (UnaryExpr)e;
                return Py.Unary(u.Op, Eval(u.Operand, frame));
            case NodeKind.Not: return Box(!EvalBool(((UnaryExpr)e).Operand, frame));
            case NodeKind.And:
                var and = (LogicExpr)e;
                var left = Eval(and.Left, frame);
                return IsTruthy(left) ? Eval(and.Right, frame) : left;
            case NodeKind.Or:
                var or = (LogicExpr)e;
                var l = Eval(or.Left, frame);
                return IsTruthy(l) ? l : Eval(or.Right, frame);
            case NodeKind.Concat:
                var parts = ((ConcatExpr)e).Items;
                if (parts.Length == 2) return string.Concat(Str(Eval(parts[0], frame)), Str(Eval(parts[1], frame)));
                var sb = new StringBuilder();
                foreach (var item in parts) sb.Append(Str(Eval(item, frame)));
                return sb.ToString();
            case NodeKind.Compare: return Box(EvalCompare((CompareExpr)e, frame));
            case NodeKind.CondExpr:
                var c = (CondExpr)e;
                if (EvalBool(c.Test, frame)) return Eval(c.Then, frame);
                if (c.Else is not null) return Eval(c.Else, frame);
                return MakeUndefined(null, $"the inline if-expression on line {c.Line} evaluated to false and no else section was defined.");
            case NodeKind.Call:
                var call = (CallExpr)e;
                var callee = Eval(call.Callee, frame);
                return CallValue(callee, BuildArguments(call.Args, frame, null));
            case NodeKind.Filter:
                var f = (FilterExpr)e;
                return ApplyFilter(f, f.Value is null ? null : Eval(f.Value, frame), frame);
            case NodeKind.Test: return Box(EvalTest((TestExpr)e, frame));
            default:
                throw new JinjaRuntimeException($"cannot evaluate a {e.Kind} node", "TemplateRuntimeError");
        }
    }

    /// <summary>Python str() with the common cases inline.</summary>
    private static string Str(object? value) => value switch
    {
        string s => s,
        long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? "True" : "False",
        null => "None",
        _ => Py.ToStr(value),
    };

    /// <summary>int op int without overflow inline; everything else (and overflow) as Py.Binary defines it.</summary>
    private static object? Arithmetic(string op, object? left, object? right)
    {
        if (left is long a && right is long b)
        {
            switch (op)
            {
                case "+":
                    var sum = a + b;
                    if (((a ^ sum) & (b ^ sum)) >= 0) return Boxes.Int(sum);
                    break;
                case "-":
                    var diff = a - b;
                    if (((a ^ b) & (a ^ diff)) >= 0) return Boxes.Int(diff);
                    break;
                case "*":
                    if (a is > -3037000499 and < 3037000499 && b is > -3037000499 and < 3037000499) return Boxes.Int(a * b);
                    break;
            }
        }
        return Py.Binary(op, left, right);
    }

    private static readonly object True = true;
    private static readonly object False = false;

    private static object Box(bool value) => value ? True : False;

    /// <summary>An expression in a boolean position (if, not, filters of loops): no boxing for comparisons and tests.</summary>
    private bool EvalBool(Expr e, Frame frame) => e.Kind switch
    {
        NodeKind.Compare => EvalCompare((CompareExpr)e, frame),
        NodeKind.Not => !EvalBool(((UnaryExpr)e).Operand, frame),
        NodeKind.Test => EvalTest((TestExpr)e, frame),
        NodeKind.And => EvalBool(((LogicExpr)e).Left, frame) && EvalBool(((LogicExpr)e).Right, frame),
        NodeKind.Or => EvalBool(((LogicExpr)e).Left, frame) || EvalBool(((LogicExpr)e).Right, frame),
        _ => IsTruthy(Eval(e, frame)),
    };

    private object? EvalOpt(Expr? e, Frame frame) => e is null ? null : Eval(e, frame);

    private static bool IsTruthy(object? value) => value switch
    {
        bool b => b,
        null => false,
        _ => Py.IsTruthy(value),
    };

    private object EvalDict(DictExpr d, Frame frame)
    {
        var dict = new PyDict(d.Keys.Length);
        for (var i = 0; i < d.Keys.Length; i++)
        {
            var key = Eval(d.Keys[i], frame);
            if (key is IList<object?> or PyDict or IDictionary<string, object?>)
                throw new JinjaRuntimeException($"unhashable type: '{Py.TypeName(key)}'", "TypeError");
            dict[key ?? NoneKeyOf()] = Eval(d.Values[i], frame);
        }
        return dict;
    }

    private static object NoneKeyOf() => NoneKey.Instance;

    private bool EvalCompare(CompareExpr c, Frame frame)
    {
        var left = Eval(c.First, frame);
        for (var i = 0; i < c.Ops.Length; i++)
        {
            var right = Eval(c.Operands[i], frame);
            var op = c.Ops[i];
            if (left is long la && right is long lb)
            {
                var fast = op switch
                {
                    "==" => la == lb, "!=" => la != lb, "<" => la < lb, "<=" => la <= lb, ">" => la > lb, ">=" => la >= lb,
                    "in" => Py.Contains(right, left), _ => !Py.Contains(right, left),
                };
                if (!fast) return false;
                left = right;
                continue;
            }
            var ok = op switch
            {
                "in" => Py.Contains(right, left),
                "notin" => !Py.Contains(right, left),
                "==" => Py.Equal(left, right),
                "!=" => !Py.Equal(left, right),
                _ => Py.Compare(op, left, right),
            };
            if (!ok) return false;
            left = right;
        }
        return true;
    }

    /// <summary>Name lookup: frames, then the host's variables, then globals; else undefined.</summary>
    private object? Resolve(string name, Frame frame)
    {
        if (frame.TryLookup(name, out var value)) return value;
        if (frame.Context.Parent.TryGetValue(name, out value)) return Py.FromHost(value);
        if (_env.Globals.TryGetValue(name, out value)) return Py.FromHost(value);
        if (name == "self") return new TemplateReference(this, frame.Context, frame);
        return MakeUndefined(name);
    }

    private object? UndefinedAccess(Undefined u) => _chainable ? u : throw u.Fail();

    /// <summary>
    /// For filters (<c>attribute='a.b'</c>, <c>map(attribute='x.0')</c>): a dotted path looked up part by
    /// part with item-then-attribute lookup, digit parts as integers, as Jinja2's make_attrgetter.
    /// </summary>
    public object? GetAttribute(object? value, string name)
    {
        if (name.IndexOf('.') < 0) return GetItem(value, IsDigits(name) ? long.Parse(name, System.Globalization.CultureInfo.InvariantCulture) : name);
        foreach (var part in name.Split('.'))
            value = GetItem(value, IsDigits(part) ? long.Parse(part, System.Globalization.CultureInfo.InvariantCulture) : part);
        return value;
    }

    private static bool IsDigits(string s)
    {
        if (s.Length == 0 || s.Length > 18) return false;
        foreach (var c in s)
            if (c is < '0' or > '9') return false;
        return true;
    }

    private static bool IsDictMethodName(string name) => name is "clear" or "copy" or "fromkeys" or "get" or "items" or "keys"
        or "pop" or "popitem" or "setdefault" or "update" or "values";

    /// <summary>Jinja's <c>a.b</c>: attribute, then item, else undefined naming what was missing.</summary>
    private object? GetAttr(object? value, string name)
    {
        if (value is Undefined u) return UndefinedAccess(u);
        if (value is LoopContext or Macro or TemplateModule or Namespace && name[0] != '_' && ((IJinjaObject)value).TryGetAttribute(name, out var own))
            return own;
        // config.x, target.name, …: a host dict key that is not a dict method name is found directly.
        if (value is IDictionary<string, object?> hostDict && !IsDictMethodName(name) && hostDict.TryGetValue(name, out var item))
            return Py.FromHost(item);
        if (Py.TryGetAttr(value, name, out var result)) return result;
        if (Py.TryGetItem(value, name, out result)) return result;
        return MakeUndefined(name, $"'{ObjectTypeRepr(value)}' has no attribute '{name}'");
    }

    /// <summary>
    /// A slice goes straight to Python (a TypeError escapes), except when the object and bounds are literals:
    /// Jinja2's optimizer folds those through environment.getitem, which turns the TypeError into an undefined.
    /// </summary>
    private object? EvalSlice(GetitemExpr gi, SliceExpr sl, object? obj, Frame frame)
    {
        var start = EvalOpt(sl.Start, frame);
        var stop = EvalOpt(sl.Stop, frame);
        var step = EvalOpt(sl.Step, frame);
        if (!IsLiteral(gi.Obj) || !IsLiteralOrAbsent(sl.Start) || !IsLiteralOrAbsent(sl.Stop) || !IsLiteralOrAbsent(sl.Step))
            return Py.Slice(obj, start, stop, step);
        try
        {
            return Py.Slice(obj, start, stop, step);
        }
        catch (JinjaRuntimeException ex) when (ex.PythonType == "TypeError")
        {
            return MakeUndefined(null, $"{ObjectTypeRepr(obj)} has no element slice({Py.Repr(start)}, {Py.Repr(stop)}, {Py.Repr(step)})");
        }
    }

    private static bool IsLiteralOrAbsent(Expr? e) => e is null || IsLiteral(e);

    /// <summary>What Jinja2's optimizer can fold: constants, and lists/tuples/dicts/signs made only of them.</summary>
    private static bool IsLiteral(Expr e) => e switch
    {
        ConstExpr => true,
        ListExpr l => l.Items.All(IsLiteral),
        TupleExpr t => t.Items.All(IsLiteral),
        DictExpr d => d.Keys.All(IsLiteral) && d.Values.All(IsLiteral),
        UnaryExpr { Kind: NodeKind.Unary } u => IsLiteral(u.Operand),
        _ => false,
    };

    /// <summary>Jinja's <c>a[b]</c>: item, then (string keys) attribute, else undefined.</summary>
    public object? GetItem(object? value, object? key)
    {
        if (value is Undefined u) return UndefinedAccess(u);
        if (Py.TryGetItem(value, key, out var result)) return result;
        if (key is string s)
        {
            if (Py.TryGetAttr(value, s, out result)) return result;
            return MakeUndefined(s, $"'{ObjectTypeRepr(value)}' has no attribute '{s}'");
        }
        return MakeUndefined(Py.Repr(key), $"{ObjectTypeRepr(value)} has no element {Py.Repr(key)}");
    }

    /// <summary>Jinja2's object_type_repr: "None", "dict object", or the module-qualified class of its own objects.</summary>
    private static string ObjectTypeRepr(object? value) => value switch
    {
        null => "None",
        TemplateModule => "jinja2.environment.TemplateModule object",
        Macro => "jinja2.runtime.Macro object",
        LoopContext => "jinja2.runtime.LoopContext object",
        Namespace => "jinja2.utils.Namespace object",
        TemplateReference => "jinja2.runtime.TemplateReference object",
        BlockReference => "jinja2.runtime.BlockReference object",
        _ => Py.TypeName(value) + " object",
    };

    public Undefined MakeUndefined(string? name, string? hint = null) =>
        new(name, hint, _options.Undefined == UndefinedBehavior.Strict);
}
