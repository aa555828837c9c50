namespace Slipway.Jinja.Syntax.Ast;

internal sealed class TextStmt(string text, int line, int column) : Stmt(NodeKind.Text, line, column)
{
    public readonly string Text = text;
}

/// <summary><c>{{ expr }}</c> (and <c>{% print %}</c>).</summary>
internal sealed class OutputStmt(Expr value, int line, int column) : Stmt(NodeKind.Output, line, column)
{
    public readonly Expr Value = value;
}

/// <summary><c>if</c>; an <c>elif</c> is an IfStmt alone in Else.</summary>
internal sealed class IfStmt(Expr test, Stmt[] body, Stmt[] @else, int line, int column) : Stmt(NodeKind.If, line, column)
{
    public readonly Expr Test = test;
    public readonly Stmt[] Body = body;
    public readonly Stmt[] Else = @else;
}

internal sealed class ForStmt(Expr target, Expr iter, Stmt[] body, Stmt[] @else, Expr? filter, bool recursive, bool usesLoop, int line, int column)
    : Stmt(NodeKind.For, line, column)
{
    public readonly Expr Target = target;
    public readonly Expr Iter = iter;
    public readonly Stmt[] Body = body;
    public readonly Stmt[] Else = @else;
    public readonly Expr? Filter = filter;
    public readonly bool Recursive = recursive;
    /// <summary>The body names <c>loop</c>: only then is the loop object built.</summary>
    public readonly bool UsesLoop = usesLoop;
}

internal sealed class SetStmt(Expr target, Expr value, int line, int column) : Stmt(NodeKind.Set, line, column)
{
    public readonly Expr Target = target;
    public readonly Expr Value = value;
}

internal sealed class SetBlockStmt(Expr target, FilterExpr? filter, Stmt[] body, int line, int column) : Stmt(NodeKind.SetBlock, line, column)
{
    public readonly Expr Target = target;
    public readonly FilterExpr? Filter = filter;
    public readonly Stmt[] Body = body;
}

/// <summary>A macro's signature and body (also the anonymous <c>caller</c> of a call block).</summary>
internal sealed class MacroDef(string name, string[] parameters, Expr?[] defaults, Stmt[] body, bool catchKwargs, bool catchVarargs, bool caller,
    int line = 0, int column = 0)
{
    /// <summary>Where the macro (or call block) starts: errors in its defaults are reported there, as Jinja2 does.</summary>
    public readonly int Line = line;
    public readonly int Column = column;
    public readonly string Name = name;
    public readonly string[] Parameters = parameters;
    /// <summary>Aligned with Parameters; null where there is no default.</summary>
    public readonly Expr?[] Defaults = defaults;
    public readonly Stmt[] Body = body;
    public readonly bool CatchKwargs = catchKwargs;
    public readonly bool CatchVarargs = catchVarargs;
    public readonly bool Caller = caller;
    /// <summary>The anonymous <c>caller</c> of a call block (not a macro in its own right).</summary>
    public bool IsCaller { get; init; }
}

internal sealed class MacroStmt(MacroDef def, int line, int column) : Stmt(NodeKind.Macro, line, column)
{
    public readonly MacroDef Def = def;
}

internal sealed class CallBlockStmt(CallExpr call, MacroDef caller, int line, int column) : Stmt(NodeKind.CallBlock, line, column)
{
    public readonly CallExpr Call = call;
    public readonly MacroDef CallerDef = caller;
}

internal sealed class FilterBlockStmt(FilterExpr filter, Stmt[] body, int line, int column) : Stmt(NodeKind.FilterBlock, line, column)
{
    public readonly FilterExpr Filter = filter;
    public readonly Stmt[] Body = body;
}

internal sealed class DoStmt(Expr value, int line, int column) : Stmt(NodeKind.Do, line, column)
{
    public readonly Expr Value = value;
}

internal sealed class WithStmt(Expr[] targets, Expr[] values, Stmt[] body, int line, int column) : Stmt(NodeKind.With, line, column)
{
    public readonly Expr[] Targets = targets;
    public readonly Expr[] Values = values;
    public readonly Stmt[] Body = body;
    /// <summary>The line Jinja2 reports for errors in the values (see Parser._lastMarkerLine).</summary>
    public int ValuesLine { get; init; }
}

internal sealed class LoopControlStmt(NodeKind kind, int line, int column) : Stmt(kind, line, column);

internal sealed class IncludeStmt(Expr template, bool ignoreMissing, bool withContext, int line, int column) : Stmt(NodeKind.Include, line, column)
{
    public readonly Expr Template = template;
    public readonly bool IgnoreMissing = ignoreMissing;
    public readonly bool WithContext = withContext;
}

internal sealed class ImportStmt(Expr template, string target, bool withContext, int line, int column) : Stmt(NodeKind.Import, line, column)
{
    public readonly Expr Template = template;
    public readonly string Target = target;
    public readonly bool WithContext = withContext;
}

internal sealed class FromImportStmt(Expr template, string[] names, string[] aliases, bool withContext, int line, int column)
    : Stmt(NodeKind.FromImport, line, column)
{
    public readonly Expr Template = template;
    public readonly string[] Names = names;
    public readonly string[] Aliases = aliases;
    public readonly bool WithContext = withContext;
}

internal sealed class ExtendsStmt(Expr template, int line, int column) : Stmt(NodeKind.Extends, line, column)
{
    public readonly Expr Template = template;
}

internal sealed class BlockStmt(string name, bool scoped, bool required, Stmt[] body, int line, int column) : Stmt(NodeKind.Block, line, column)
{
    public readonly string Name = name;
    public readonly bool Scoped = scoped;
    public readonly bool Required = required;
    public readonly Stmt[] Body = body;
}

/// <summary>A body run in place; for <c>{% autoescape expr %}</c>, Autoescape turns HTML escaping of output on or off.</summary>
internal sealed class ScopeStmt(Stmt[] body, int line, int column, Expr? autoescape = null) : Stmt(NodeKind.Scope, line, column)
{
    public readonly Stmt[] Body = body;
    public readonly Expr? Autoescape = autoescape;
}

/// <summary>dbt's <c>{% docs name %}</c>: renders nothing; its raw text is collected.</summary>
internal sealed class DocsStmt(string name, string text, int line, int column) : Stmt(NodeKind.Docs, line, column)
{
    public readonly string Name = name;
    public readonly string Text = text;
}

/// <summary>dbt's <c>{% snapshot name %}</c>: renders its body.</summary>
internal sealed class SnapshotStmt(string name, Stmt[] body, int line, int column) : Stmt(NodeKind.Snapshot, line, column)
{
    public readonly string Name = name;
    public readonly Stmt[] Body = body;
}

/// <summary>A parsed template: its body plus every block by name (outermost definition wins, as Jinja2 reports duplicates).</summary>
internal sealed class TemplateNode(Stmt[] body, Dictionary<string, BlockStmt> blocks, bool hasExtends)
{
    public readonly Stmt[] Body = body;
    public readonly Dictionary<string, BlockStmt> Blocks = blocks;
    public readonly bool HasExtends = hasExtends;
}
