using Slipway.Jinja.Syntax.Ast;

namespace Slipway.Jinja.Syntax;

// One method per tag, as Jinja2's parse_<tag>.
internal sealed partial class Parser
{
    private Stmt ParseSet()
    {
        var tok = Next();
        var target = ParseAssignTarget(withNamespace: true);
        if (SkipIf(TokenKind.Assign))
        {
            var expr = ParseTuple();
            return new SetStmt(target, expr, tok.Line, tok.Column);
        }
        var filter = ParseFilter(null, startInline: false);
        var body = ParseStatements(["endset"], dropNeedle: true);
        return new SetBlockStmt(target, (FilterExpr?)filter, body, tok.Line, tok.Column);
    }

    private Stmt ParseFor()
    {
        var tok = ExpectName("for");
        var target = ParseAssignTarget(extraEndRules: ["in"]);
        ExpectName("in");
        var iter = ParseTuple(withCondExpr: false, extraEndRules: ["recursive"]);
        Expr? test = null;
        var names = new HashSet<string>(StringComparer.Ordinal);
        _nameScopes.Add(names);
        try
        {
            if (SkipIfName("if"))
            {
                var wasSoft = _soft;
                _soft = false;
                try { test = ParseExpression(); }
                finally { _soft = wasSoft; }
            }
            var recursive = SkipIfName("recursive");
            _loopDepth++;
            Stmt[] body;
            try { body = ParseStatements(["endfor", "else"]); }
            finally { _loopDepth--; }
            Stmt[] @else = [];
            var usesLoop = names.Contains("loop");
            _nameScopes.Remove(names);
            if (Next().Value != "endfor") @else = ParseStatements(["endfor"], dropNeedle: true);
            return new ForStmt(target, iter, body, @else, test, recursive, usesLoop, tok.Line, tok.Column);
        }
        finally
        {
            _nameScopes.Remove(names);
        }
    }

    private Stmt ParseIf()
    {
        var tok = ExpectName("if");
        // Jinja2 gives an elif node the line of the token after 'elif'.
        return ParseIfChain(tok);
    }

    /// <summary>An if (or elif) test and its branches; all of it is a soft scope for unknown filters and tests.</summary>
    private IfStmt ParseIfChain(Token at)
    {
        var wasSoft = _soft;
        _soft = true;
        Expr test;
        try { test = ParseTuple(withCondExpr: false); }
        finally { _soft = wasSoft; }
        var body = ParseStatements(["elif", "else", "endif"], soft: true);
        var end = Next();
        Stmt[] @else = [];
        if (end.Value == "elif") @else = [ParseIfChain(Current)];
        else if (end.Value == "else") @else = ParseStatements(["endif"], dropNeedle: true, soft: true);
        return new IfStmt(test, body, @else, at.Line, at.Column);
    }

    private Stmt ParseWith()
    {
        var valuesLine = _lastMarkerLine;
        var tok = Next();
        var targets = new List<Expr>();
        var values = new List<Expr>();
        while (Current.Kind != TokenKind.BlockEnd)
        {
            if (targets.Count > 0) Expect(TokenKind.Comma);
            targets.Add(ParseAssignTarget());
            Expect(TokenKind.Assign);
            values.Add(ParseExpression());
        }
        var body = ParseStatements(["endwith"], dropNeedle: true);
        return new WithStmt(targets.ToArray(), values.ToArray(), body, tok.Line, tok.Column) { ValuesLine = valuesLine };
    }

    private Stmt ParseAutoescape()
    {
        var tok = Next();
        var value = ParseExpression();
        var body = ParseStatements(["endautoescape"], dropNeedle: true);
        return new ScopeStmt(body, tok.Line, tok.Column, value);
    }

    private Stmt ParseBlock()
    {
        var tok = Next();
        var name = Expect(TokenKind.Name).Value;
        var scoped = SkipIfName("scoped");
        var required = SkipIfName("required");
        if (Current.Kind == TokenKind.Sub)
            throw Error("Block names in Jinja have to be valid Python identifiers and may not contain hyphens, use an underscore instead.", Current);
        var body = OutsideLoops(() => ParseStatements(["endblock"], dropNeedle: true));
        if (required)
        {
            foreach (var s in body)
                if (s is not TextStmt t || !string.IsNullOrWhiteSpace(t.Text) || t.Text.Length == 0)
                    throw Error("Required blocks can only contain comments or whitespace", Current);
        }
        SkipIfName(name);
        var block = new BlockStmt(name, scoped, required, body, tok.Line, tok.Column);
        if (!_blocks.TryAdd(name, block))
            throw new TemplateError("TemplateAssertionError", $"block '{name}' defined twice", _name, tok.Line, tok.Column, _source.LineText(tok.Line));
        return block;
    }

    private Stmt ParseExtends()
    {
        var tok = Next();
        _hasExtends = true;
        return new ExtendsStmt(ParseExpression(), tok.Line, tok.Column);
    }

    /// <summary>Optional <c>with context</c> / <c>without context</c>.</summary>
    private bool ParseImportContext(bool @default)
    {
        if ((Current.IsName("with") || Current.IsName("without")) && Look().IsName("context"))
        {
            var with = Next().Value == "with";
            Next();
            return with;
        }
        return @default;
    }

    private Stmt ParseInclude()
    {
        var tok = Next();
        var template = ParseExpression();
        var ignoreMissing = false;
        if (Current.IsName("ignore") && Look().IsName("missing"))
        {
            ignoreMissing = true;
            Next();
            Next();
        }
        return new IncludeStmt(template, ignoreMissing, ParseImportContext(true), tok.Line, tok.Column);
    }

    private Stmt ParseImport()
    {
        var tok = Next();
        var template = ParseExpression();
        ExpectName("as");
        var target = Expect(TokenKind.Name).Value;
        return new ImportStmt(template, target, ParseImportContext(false), tok.Line, tok.Column);
    }

    private Stmt ParseFrom()
    {
        var tok = Next();
        var template = ParseExpression();
        ExpectName("import");
        var names = new List<string>();
        var aliases = new List<string>();
        bool? withContext = null;
        bool ParseContext()
        {
            if ((Current.Value is "with" or "without") && Current.Kind == TokenKind.Name && Look().IsName("context"))
            {
                withContext = Next().Value == "with";
                Next();
                return true;
            }
            return false;
        }
        while (true)
        {
            if (names.Count > 0) Expect(TokenKind.Comma);
            if (Current.Kind == TokenKind.Name)
            {
                if (ParseContext()) break;
                var target = Expect(TokenKind.Name);
                if (target.Value.StartsWith('_'))
                    throw new TemplateError("TemplateAssertionError", "names starting with an underline can not be imported",
                        _name, target.Line, target.Column, _source.LineText(target.Line));
                names.Add(target.Value);
                aliases.Add(SkipIfName("as") ? Expect(TokenKind.Name).Value : target.Value);
                if (ParseContext() || Current.Kind != TokenKind.Comma) break;
            }
            else
            {
                Expect(TokenKind.Name);
            }
        }
        return new FromImportStmt(template, names.ToArray(), aliases.ToArray(), withContext ?? false, tok.Line, tok.Column);
    }

    /// <summary>A macro signature; dbt's dialect also accepts (and ignores) type annotations <c>a: Dict[str, int]</c>.</summary>
    private (string[] Names, Expr?[] Defaults) ParseSignature()
    {
        var names = new List<string>();
        var defaults = new List<Expr?>();
        var anyDefault = false;
        Expect(TokenKind.LParen);
        while (Current.Kind != TokenKind.RParen)
        {
            if (names.Count > 0) Expect(TokenKind.Comma);
            var arg = Expect(TokenKind.Name);
            if (names.Contains(arg.Value)) PythonSyntaxError($"duplicate argument '{arg.Value}' in function definition", arg);
            if (_dbtDialect && Current.Kind == TokenKind.Colon)
            {
                Next();
                SkipTypeAnnotation();
            }
            if (SkipIf(TokenKind.Assign))
            {
                defaults.Add(ParseExpression());
                anyDefault = true;
            }
            else if (anyDefault)
            {
                throw Error("non-default argument follows default argument", Current);
            }
            else
            {
                defaults.Add(null);
            }
            names.Add(arg.Value);
        }
        Expect(TokenKind.RParen);
        return (names.ToArray(), defaults.ToArray());
    }

    private void SkipTypeAnnotation()
    {
        Expect(TokenKind.Name);
        while (SkipIf(TokenKind.Dot)) Expect(TokenKind.Name);
        if (!SkipIf(TokenKind.LBracket)) return;
        var first = true;
        while (Current.Kind != TokenKind.RBracket)
        {
            if (!first) Expect(TokenKind.Comma);
            first = false;
            if (Current.Kind == TokenKind.String) Next();
            else if (Current.IsName("None") || Current.IsName("none")) Next();
            else SkipTypeAnnotation();
        }
        Expect(TokenKind.RBracket);
    }

    private MacroDef ParseMacroBody(string name, string[] endTag, Token at)
    {
        var (names, defaults) = ParseSignature();
        CheckCallerArgument(names, defaults, at);
        var used = new HashSet<string>(StringComparer.Ordinal);
        _nameScopes.Add(used);
        Stmt[] body;
        try { body = OutsideLoops(() => ParseStatements(endTag, dropNeedle: true)); }
        finally { _nameScopes.Remove(used); }
        return new MacroDef(name, names, defaults, body, used.Contains("kwargs"), used.Contains("varargs"), used.Contains("caller"), at.Line, at.Column);
    }

    private void CheckCallerArgument(string[] names, Expr?[] defaults, Token at)
    {
        var i = Array.IndexOf(names, "caller");
        if (i >= 0 && defaults[i] is null)
            throw new TemplateError("TemplateAssertionError",
                "When defining macros or call blocks the special \"caller\" argument must be omitted or be given a default.",
                _name, at.Line, at.Column, _source.LineText(at.Line));
    }

    private Stmt ParseMacro()
    {
        var tok = Next();
        var name = Expect(TokenKind.Name).Value;
        return new MacroStmt(ParseMacroBody(name, ["endmacro"], tok), tok.Line, tok.Column);
    }

    private Stmt ParseCallBlock()
    {
        var tok = Next();
        string[] names = [];
        Expr?[] defaults = [];
        if (Current.Kind == TokenKind.LParen) (names, defaults) = ParseSignature();
        CheckCallerArgument(names, defaults, tok);
        var callNode = ParseExpression();
        if (callNode is not CallExpr call) throw Error("expected call", tok);
        var used = new HashSet<string>(StringComparer.Ordinal);
        _nameScopes.Add(used);
        Stmt[] body;
        try { body = OutsideLoops(() => ParseStatements(["endcall"], dropNeedle: true)); }
        finally { _nameScopes.Remove(used); }
        var def = new MacroDef("caller", names, defaults, body, used.Contains("kwargs"), used.Contains("varargs"), used.Contains("caller"), tok.Line, tok.Column)
        {
            IsCaller = true,
        };
        return new CallBlockStmt(call, def, tok.Line, tok.Column);
    }

    private Stmt ParseFilterBlock()
    {
        var tok = Next();
        var filter = (FilterExpr)ParseFilter(null, startInline: true)!;
        var body = ParseStatements(["endfilter"], dropNeedle: true);
        return new FilterBlockStmt(filter, body, tok.Line, tok.Column);
    }

    private Stmt ParsePrint()
    {
        var tok = Next();
        var items = new List<Expr>();
        while (Current.Kind != TokenKind.BlockEnd)
        {
            if (items.Count > 0) Expect(TokenKind.Comma);
            items.Add(ParseExpression());
        }
        var value = items.Count == 1 ? items[0] : new TupleExpr(items.ToArray(), tok.Line, tok.Column);
        // Jinja2 prints each expression in turn; a tuple here would print its repr, so keep one output per item.
        if (items.Count == 1) return new OutputStmt(value, tok.Line, tok.Column);
        var outs = items.Select(e => (Stmt)new OutputStmt(e, e.Line, e.Column)).ToArray();
        return new ScopeStmt(outs, tok.Line, tok.Column);
    }

    private Stmt ParseDo()
    {
        var tok = Next();
        return new DoStmt(ParseTuple(), tok.Line, tok.Column);
    }

    /// <summary>
    /// Loops whose body is being parsed, counting from the innermost macro, call block or block: those are
    /// functions of their own in Jinja2's generated code, where a break cannot reach an outer loop.
    /// </summary>
    private int _loopDepth;
    /// <summary>The first error Python itself would raise compiling Jinja2's generated code (raised after parsing).</summary>
    private TemplateError? _pythonSyntaxError;

    private void PythonSyntaxError(string message, in Token at) =>
        _pythonSyntaxError ??= new TemplateError("SyntaxError", message, _name, at.Line, at.Column, _source.LineText(at.Line));

    private T OutsideLoops<T>(Func<T> parse)
    {
        var saved = _loopDepth;
        _loopDepth = 0;
        try { return parse(); }
        finally { _loopDepth = saved; }
    }

    private Stmt ParseLoopControl(string v)
    {
        // Jinja2 fails with Python's own SyntaxError when it compiles the code it generated, that is after
        // parsing and after checking filters: remember the first one and raise it then.
        if (_loopDepth == 0) PythonSyntaxError(v == "break" ? "'break' outside loop" : "'continue' not properly in loop", Current);
        var tok = Next();
        return new LoopControlStmt(v == "break" ? NodeKind.Break : NodeKind.Continue, tok.Line, tok.Column);
    }
}
