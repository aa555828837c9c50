using Slipway.Jinja.Syntax.Ast;

namespace Slipway.Jinja.Syntax;

/// <summary>
/// Recursive-descent parser following Jinja2's grammar and error messages (parser.py), plus dbt's
/// block tags when <see cref="_dbtDialect"/> is on.
/// </summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> StatementKeywords =
        ["for", "if", "block", "extends", "print", "macro", "include", "from", "import", "set", "with", "autoescape"];

    private readonly Token[] _tokens;
    private readonly SourceText _source;
    private readonly string? _name;
    private readonly bool _dbtDialect;
    private int _index;
    private readonly List<string> _tagStack = new();
    private readonly List<string[]> _endTokenStack = new();
    /// <summary>Names loaded inside the macro/call/for bodies being parsed (to know caller/kwargs/varargs/loop use).</summary>
    private readonly List<HashSet<string>> _nameScopes = new();
    private readonly Dictionary<string, BlockStmt> _blocks = new(StringComparer.Ordinal);
    private bool _hasExtends;

    /// <summary>
    /// Filters and tests named by the template, checked after parsing as Jinja2's compiler does. Soft ones
    /// (inside an <c>if</c> or an inline <c>x if y</c>, outside any nested loop/macro/block scope) are only
    /// checked when run, as Jinja2 allows <c>{% if 'f' is filter %}{{ x|f }}{% endif %}</c>.
    /// </summary>
    private readonly List<UsedFilter> _usedFilters = new();

    /// <summary>A filter or test name the template uses (a class: a list of tuples holding a Token was JIT-compiled at every start).</summary>
    private sealed class UsedFilter(bool isTest, string name, Token at, bool soft)
    {
        public bool IsTest { get; } = isTest;
        public string Name { get; } = name;
        public Token At { get; } = at;
        public bool Soft { get; set; } = soft;
    }
    private bool _soft;

    private Parser(SourceText source, string? name, bool trimBlocks, bool lstripBlocks, bool dbtDialect)
    {
        _source = source;
        _name = name;
        _dbtDialect = dbtDialect;
        _tokens = Lexer.Tokenize(source, trimBlocks, lstripBlocks);
        CheckError(_tokens[0]);
    }

    public static TemplateNode Parse(SourceText source, string? name, bool trimBlocks, bool lstripBlocks, bool dbtDialect,
        JinjaEnvironment? environment = null)
    {
        var parser = new Parser(source, name, trimBlocks, lstripBlocks, dbtDialect);
        var body = parser.Subparse(null);
        if (environment is not null)
        {
            foreach (var used in parser._usedFilters)
            {
                var (isTest, filter, at) = (used.IsTest, used.Name, used.At);
                if (used.Soft) continue;
                var known = isTest ? environment.Tests.ContainsKey(filter) : environment.Filters.ContainsKey(filter);
                if (!known)
                    throw new TemplateError("TemplateAssertionError", $"No {(isTest ? "test" : "filter")} named '{filter}'.",
                        name, at.Line, at.Column, source.LineText(at.Line));
            }
        }
        if (parser._pythonSyntaxError is { } loopControl) throw loopControl;
        return new TemplateNode(body.ToArray(), parser._blocks, parser._hasExtends);
    }

    // ---- token stream -------------------------------------------------------------------------

    private ref readonly Token Current => ref _tokens[_index];

    private Token Next()
    {
        var rv = _tokens[_index];
        if (rv.Kind != TokenKind.Eof)
        {
            _index++;
            CheckError(_tokens[_index]);
        }
        return rv;
    }

    private ref readonly Token Look()
    {
        if (_tokens[_index].Kind == TokenKind.Eof) return ref _tokens[_index];
        ref readonly var t = ref _tokens[_index + 1];
        CheckError(t);
        return ref t;
    }

    private void CheckError(in Token t)
    {
        if (t.Kind == TokenKind.Error) throw Error(t.Value, t);
    }

    private bool SkipIf(TokenKind kind)
    {
        if (Current.Kind != kind) return false;
        Next();
        return true;
    }

    private bool SkipIfName(string name)
    {
        if (!Current.IsName(name)) return false;
        Next();
        return true;
    }

    private Token Expect(TokenKind kind) => Current.Kind == kind ? Next() : throw ExpectError(Token.DescribeKind(kind));

    private Token ExpectName(string name) => Current.IsName(name) ? Next() : throw ExpectError(name);

    private TemplateError ExpectError(string expected)
    {
        var cur = Current;
        if (cur.Kind == TokenKind.Eof) return Error($"unexpected end of template, expected '{expected}'.", cur);
        return Error($"expected token '{expected}', got '{cur.Describe()}'", cur);
    }

    internal TemplateError Error(string message, Token at) => Error(message, at.Line, at.Column);

    internal TemplateError Error(string message, int line, int column) =>
        new("TemplateSyntaxError", message, _name, line, column, _source.LineText(line));

    /// <summary>Marks the filters and tests recorded since <paramref name="start"/> as checked only at run time.</summary>
    private void SoftenFiltersFrom(int start)
    {
        for (var i = start; i < _usedFilters.Count; i++) _usedFilters[i].Soft = true;
    }

    private void NoteName(string name)
    {
        for (var i = 0; i < _nameScopes.Count; i++) _nameScopes[i].Add(name);
    }

    // ---- structure ----------------------------------------------------------------------------

    private List<Stmt> Subparse(string[]? endTokens)
    {
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw Error("template nested too deeply", Current);
        var body = new List<Stmt>();
        if (endTokens is not null) _endTokenStack.Add(endTokens);
        try
        {
            while (Current.Kind != TokenKind.Eof)
            {
                var token = Current;
                switch (token.Kind)
                {
                    case TokenKind.Data:
                        body.Add(new TextStmt(token.Value, token.Line, token.Column));
                        Next();
                        break;
                    case TokenKind.VariableBegin:
                        Next();
                        var expr = ParseTuple(withCondExpr: true);
                        if (expr is not ConstExpr) _lastMarkerLine = expr.Line;
                        body.Add(new OutputStmt(expr, expr.Line, expr.Column));
                        Expect(TokenKind.VariableEnd);
                        break;
                    case TokenKind.BlockBegin:
                        Next();
                        if (endTokens is not null && TestAny(endTokens)) return body;
                        var stmt = ParseStatement();
                        if (stmt is not null) body.Add(stmt);
                        Expect(TokenKind.BlockEnd);
                        break;
                    default:
                        throw Error("internal parsing error", token);
                }
            }
        }
        finally
        {
            if (endTokens is not null) _endTokenStack.RemoveAt(_endTokenStack.Count - 1);
        }
        return body;
    }

    private bool TestAny(string[] names)
    {
        var cur = Current;
        if (cur.Kind != TokenKind.Name) return false;
        foreach (var n in names)
            if (cur.Value == n) return true;
        return false;
    }

    /// <summary>Jinja2's parse_statements: optional colon, block end, body up to one of the end tags.</summary>
    private Stmt[] ParseStatements(string[] endTokens, bool dropNeedle = false, bool soft = false)
    {
        SkipIf(TokenKind.Colon);
        Expect(TokenKind.BlockEnd);
        var wasSoft = _soft;
        _soft = soft;
        List<Stmt> result;
        try { result = Subparse(endTokens); }
        finally { _soft = wasSoft; }
        if (Current.Kind == TokenKind.Eof) throw FailEof(endTokens);
        if (dropNeedle) Next();
        return result.ToArray();
    }

    private Stmt? ParseStatement()
    {
        var token = Current;
        if (token.Kind != TokenKind.Name) throw Error("tag name expected", token);
        _tagStack.Add(token.Value);
        var popTag = true;
        try
        {
            var v = token.Value;
            if (StatementKeywords.Contains(v) || v is "call" or "filter" or "do" or "break" or "continue")
                return ParseKeywordStatement(v);
            if (_dbtDialect && v is "test" or "data_test" or "materialization" or "docs" or "snapshot")
            {
                _lastMarkerLine = Current.Line;
                return ParseDbtStatement(v);
            }
            _tagStack.RemoveAt(_tagStack.Count - 1);
            popTag = false;
            throw FailUnknownTag(v, token);
        }
        finally
        {
            if (popTag) _tagStack.RemoveAt(_tagStack.Count - 1);
        }
    }

    /// <summary>
    /// The line Jinja2's generated code last marked. Jinja2 evaluates <c>with</c> values in code that carries
    /// no line mark of its own, so their errors report this line; kept to report the same line.
    /// </summary>
    private int _lastMarkerLine = 1;

    private Stmt? ParseKeywordStatement(string v)
    {
        if (v is not ("with" or "autoescape" or "filter")) _lastMarkerLine = Current.Line;
        return ParseKeywordStatementCore(v);
    }

    private Stmt? ParseKeywordStatementCore(string v) => v switch
    {
        "for" => ParseFor(),
        "if" => ParseIf(),
        "block" => ParseBlock(),
        "extends" => ParseExtends(),
        "print" => ParsePrint(),
        "macro" => ParseMacro(),
        "include" => ParseInclude(),
        "from" => ParseFrom(),
        "import" => ParseImport(),
        "set" => ParseSet(),
        "with" => ParseWith(),
        "autoescape" => ParseAutoescape(),
        "call" => ParseCallBlock(),
        "filter" => ParseFilterBlock(),
        "do" => ParseDo(),
        _ => ParseLoopControl(v),
    };

    private TemplateError FailUnknownTag(string name, Token at) => FailUtEof(name, _endTokenStack, at);

    private TemplateError FailEof(string[]? endTokens)
    {
        var stack = new List<string[]>(_endTokenStack);
        if (endTokens is not null) stack.Add(endTokens);
        return FailUtEof(null, stack, Current);
    }

    private TemplateError FailUtEof(string? name, List<string[]> endTokenStack, Token at)
    {
        var expected = new HashSet<string>();
        foreach (var exprs in endTokenStack) expected.UnionWith(exprs);
        string? currentlyLooking = endTokenStack.Count > 0
            ? string.Join(" or ", endTokenStack[^1].Select(e => $"'{e}'"))
            : null;
        var message = new List<string> { name is null ? "Unexpected end of template." : $"Encountered unknown tag '{name}'." };
        if (currentlyLooking is not null)
        {
            if (name is not null && expected.Contains(name))
                message.Add($"You probably made a nesting mistake. Jinja is expecting this tag, but currently looking for {currentlyLooking}.");
            else
                message.Add($"Jinja was looking for the following tags: {currentlyLooking}.");
        }
        if (_tagStack.Count > 0) message.Add($"The innermost block that needs to be closed is '{_tagStack[^1]}'.");
        return Error(string.Join(" ", message), at);
    }
}
