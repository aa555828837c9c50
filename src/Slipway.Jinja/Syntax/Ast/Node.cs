namespace Slipway.Jinja.Syntax.Ast;

/// <summary>Every node kind, so the interpreter dispatches with one switch instead of type tests.</summary>
internal enum NodeKind : byte
{
    // expressions
    Const, Name, List, Tuple, Dict, Getattr, Getitem, Slice, Binary, Unary, Not, And, Or, Concat, Compare,
    CondExpr, Call, Filter, Test, NSRef,
    // statements
    Text, Output, If, For, Set, SetBlock, Macro, CallBlock, FilterBlock, Do, With, Break, Continue,
    Include, Import, FromImport, Extends, Block, Scope, Docs, Snapshot,
}

/// <summary>An AST node: plain data with its place in the source (1-based line and column).</summary>
internal abstract class Node(NodeKind kind, int line, int column)
{
    public readonly NodeKind Kind = kind;
    public readonly int Line = line;
    public readonly int Column = column;
}

internal abstract class Expr(NodeKind kind, int line, int column) : Node(kind, line, column);

internal abstract class Stmt(NodeKind kind, int line, int column) : Node(kind, line, column);
