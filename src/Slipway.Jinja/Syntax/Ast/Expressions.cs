namespace Slipway.Jinja.Syntax.Ast;

internal sealed class ConstExpr(object? value, int line, int column) : Expr(NodeKind.Const, line, column)
{
    public readonly object? Value = value;
}

internal sealed class NameExpr(string name, int line, int column) : Expr(NodeKind.Name, line, column)
{
    public readonly string Name = name;
}

/// <summary><c>ns.attr</c> as an assignment target.</summary>
internal sealed class NSRefExpr(string name, string attr, int line, int column) : Expr(NodeKind.NSRef, line, column)
{
    public readonly string Name = name;
    public readonly string Attr = attr;
}

internal sealed class ListExpr(Expr[] items, int line, int column) : Expr(NodeKind.List, line, column)
{
    public readonly Expr[] Items = items;
}

internal sealed class TupleExpr(Expr[] items, int line, int column) : Expr(NodeKind.Tuple, line, column)
{
    public readonly Expr[] Items = items;
}

internal sealed class DictExpr(Expr[] keys, Expr[] values, int line, int column) : Expr(NodeKind.Dict, line, column)
{
    public readonly Expr[] Keys = keys;
    public readonly Expr[] Values = values;
}

internal sealed class GetattrExpr(Expr obj, string attr, int line, int column) : Expr(NodeKind.Getattr, line, column)
{
    public readonly Expr Obj = obj;
    public readonly string Attr = attr;
}

internal sealed class GetitemExpr(Expr obj, Expr key, int line, int column) : Expr(NodeKind.Getitem, line, column)
{
    public readonly Expr Obj = obj;
    public readonly Expr Key = key;
}

internal sealed class SliceExpr(Expr? start, Expr? stop, Expr? step, int line, int column) : Expr(NodeKind.Slice, line, column)
{
    public readonly Expr? Start = start;
    public readonly Expr? Stop = stop;
    public readonly Expr? Step = step;
}

/// <summary>Arithmetic: Op is one of <c>+ - * / // % **</c> (the strings Py.Binary takes).</summary>
internal sealed class BinaryExpr(string op, Expr left, Expr right, int line, int column) : Expr(NodeKind.Binary, line, column)
{
    public readonly string Op = op;
    public readonly Expr Left = left;
    public readonly Expr Right = right;
}

/// <summary><c>and</c> / <c>or</c> (by Kind).</summary>
internal sealed class LogicExpr(NodeKind kind, Expr left, Expr right, int line, int column) : Expr(kind, line, column)
{
    public readonly Expr Left = left;
    public readonly Expr Right = right;
}

/// <summary>Unary <c>-</c>/<c>+</c> (Kind Unary) or <c>not</c> (Kind Not).</summary>
internal sealed class UnaryExpr(NodeKind kind, string op, Expr operand, int line, int column) : Expr(kind, line, column)
{
    public readonly string Op = op;
    public readonly Expr Operand = operand;
}

internal sealed class ConcatExpr(Expr[] items, int line, int column) : Expr(NodeKind.Concat, line, column)
{
    public readonly Expr[] Items = items;
}

/// <summary>A comparison chain; Ops are <c>== != &lt; &lt;= &gt; &gt;= in notin</c>.</summary>
internal sealed class CompareExpr(Expr first, string[] ops, Expr[] operands, int line, int column) : Expr(NodeKind.Compare, line, column)
{
    public readonly Expr First = first;
    public readonly string[] Ops = ops;
    public readonly Expr[] Operands = operands;
}

internal sealed class CondExpr(Expr test, Expr then, Expr? @else, int line, int column) : Expr(NodeKind.CondExpr, line, column)
{
    public readonly Expr Test = test;
    public readonly Expr Then = then;
    public readonly Expr? Else = @else;
}

/// <summary>Arguments of a call, filter or test as written.</summary>
internal sealed class CallArgs(Expr[] positional, string[] keywordNames, Expr[] keywordValues, Expr? dynArgs, Expr? dynKwargs)
{
    public static readonly CallArgs None = new([], [], [], null, null);
    public readonly Expr[] Positional = positional;
    public readonly string[] KeywordNames = keywordNames;
    public readonly Expr[] KeywordValues = keywordValues;
    public readonly Expr? DynArgs = dynArgs;
    public readonly Expr? DynKwargs = dynKwargs;
}

internal sealed class CallExpr(Expr callee, CallArgs args, int line, int column) : Expr(NodeKind.Call, line, column)
{
    public readonly Expr Callee = callee;
    public readonly CallArgs Args = args;
}

/// <summary><c>value | name(args)</c>; Value is null in filter blocks and <c>set x | f</c> blocks (applied to the body).</summary>
internal sealed class FilterExpr(Expr? value, string name, CallArgs args, int line, int column) : Expr(NodeKind.Filter, line, column)
{
    public readonly Expr? Value = value;
    public readonly string Name = name;
    public readonly CallArgs Args = args;
}

internal sealed class TestExpr(Expr value, string name, CallArgs args, int line, int column) : Expr(NodeKind.Test, line, column)
{
    public readonly Expr Value = value;
    public readonly string Name = name;
    public readonly CallArgs Args = args;
}
