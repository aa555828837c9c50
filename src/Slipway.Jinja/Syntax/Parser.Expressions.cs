using Slipway.Jinja.Syntax.Ast;

namespace Slipway.Jinja.Syntax;

// Expressions, with Jinja2's precedence: condexpr < or < and < not < compare < +,- < ~ < *,/,//,% < ** < unary < postfix/filters.
internal sealed partial class Parser
{
    private Expr ParseAssignTarget(bool withTuple = true, string[]? extraEndRules = null, bool withNamespace = false)
    {
        Expr target = withTuple
            ? ParseTuple(simplified: true, extraEndRules: extraEndRules, withNamespace: withNamespace)
            : ParsePrimary(withNamespace);
        CheckAssignable(target);
        return target;
    }

    private void CheckAssignable(Expr target)
    {
        switch (target)
        {
            case NameExpr n:
                if (n.Name is "true" or "false" or "none" or "True" or "False" or "None")
                    throw Error("can't assign to 'name'", n.Line, n.Column);
                return;
            case NSRefExpr: return;
            case TupleExpr t:
                foreach (var item in t.Items)
                    if (item is not NameExpr and not TupleExpr and not NSRefExpr)
                        throw Error("can't assign to 'tuple'", t.Line, t.Column);
                    else CheckAssignable(item);
                return;
            default:
                throw Error($"can't assign to '{NodeTypeName(target)}'", target.Line, target.Column);
        }
    }

    private static string NodeTypeName(Expr e) => e switch
    {
        ConstExpr => "const",
        ListExpr => "list",
        DictExpr => "dict",
        GetattrExpr => "getattr",
        GetitemExpr => "getitem",
        CallExpr => "call",
        _ => e.Kind.ToString().ToLowerInvariant(),
    };

    internal Expr ParseExpression(bool withCondExpr = true) => withCondExpr ? ParseCondExpr() : ParseOr();

    private Expr ParseCondExpr()
    {
        var at = Current;
        var filtersBefore = _usedFilters.Count;
        var expr1 = ParseOr();
        while (SkipIfName("if"))
        {
            var expr2 = ParseOr();
            Expr? expr3 = SkipIfName("else") ? ParseCondExpr() : null;
            expr1 = new CondExpr(expr2, expr1, expr3, at.Line, at.Column);
            SoftenFiltersFrom(filtersBefore);
            at = Current;
        }
        return expr1;
    }

    private Expr ParseOr()
    {
        var at = Current;
        var left = ParseAnd();
        while (SkipIfName("or"))
        {
            var right = ParseAnd();
            left = new LogicExpr(NodeKind.Or, left, right, at.Line, at.Column);
            at = Current;
        }
        return left;
    }

    private Expr ParseAnd()
    {
        var at = Current;
        var left = ParseNot();
        while (SkipIfName("and"))
        {
            var right = ParseNot();
            left = new LogicExpr(NodeKind.And, left, right, at.Line, at.Column);
            at = Current;
        }
        return left;
    }

    private Expr ParseNot()
    {
        if (Current.IsName("not"))
        {
            var tok = Next();
            return new UnaryExpr(NodeKind.Not, "not", ParseNot(), tok.Line, tok.Column);
        }
        return ParseCompare();
    }

    private Expr ParseCompare()
    {
        var at = Current;
        var expr = ParseMath1();
        List<string>? ops = null;
        List<Expr>? operands = null;
        while (true)
        {
            string op;
            switch (Current.Kind)
            {
                case TokenKind.Eq: op = "=="; break;
                case TokenKind.Ne: op = "!="; break;
                case TokenKind.Lt: op = "<"; break;
                case TokenKind.LtEq: op = "<="; break;
                case TokenKind.Gt: op = ">"; break;
                case TokenKind.GtEq: op = ">="; break;
                default:
                    if (Current.IsName("in")) op = "in";
                    else if (Current.IsName("not") && Look().IsName("in"))
                    {
                        Next();
                        op = "notin";
                    }
                    else op = "";
                    break;
            }
            if (op.Length == 0) break;
            Next();
            (ops ??= new()).Add(op);
            (operands ??= new()).Add(ParseMath1());
            at = Current;
        }
        if (ops is null) return expr;
        return new CompareExpr(expr, ops.ToArray(), operands!.ToArray(), expr.Line, expr.Column);
    }

    private Expr ParseMath1()
    {
        var at = Current;
        var left = ParseConcat();
        while (Current.Kind is TokenKind.Add or TokenKind.Sub)
        {
            var op = Next().Kind == TokenKind.Add ? "+" : "-";
            var right = ParseConcat();
            left = new BinaryExpr(op, left, right, at.Line, at.Column);
            at = Current;
        }
        return left;
    }

    private Expr ParseConcat()
    {
        var at = Current;
        var first = ParseMath2();
        if (Current.Kind != TokenKind.Tilde) return first;
        var args = new List<Expr> { first };
        while (SkipIf(TokenKind.Tilde)) args.Add(ParseMath2());
        return new ConcatExpr(args.ToArray(), at.Line, at.Column);
    }

    private Expr ParseMath2()
    {
        var at = Current;
        var left = ParsePow();
        while (Current.Kind is TokenKind.Mul or TokenKind.Div or TokenKind.FloorDiv or TokenKind.Mod)
        {
            var op = Next().Kind switch { TokenKind.Mul => "*", TokenKind.Div => "/", TokenKind.FloorDiv => "//", _ => "%" };
            var right = ParsePow();
            left = new BinaryExpr(op, left, right, at.Line, at.Column);
            at = Current;
        }
        return left;
    }

    private Expr ParsePow()
    {
        var at = Current;
        var left = ParseUnary();
        while (SkipIf(TokenKind.Pow))
        {
            var right = ParseUnary();
            left = new BinaryExpr("**", left, right, at.Line, at.Column);
            at = Current;
        }
        return left;
    }

    private Expr ParseUnary(bool withFilter = true)
    {
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw Error("expression nested too deeply", Current);
        var tok = Current;
        Expr node;
        if (tok.Kind == TokenKind.Sub)
        {
            Next();
            node = new UnaryExpr(NodeKind.Unary, "-", ParseUnary(false), tok.Line, tok.Column);
        }
        else if (tok.Kind == TokenKind.Add)
        {
            Next();
            node = new UnaryExpr(NodeKind.Unary, "+", ParseUnary(false), tok.Line, tok.Column);
        }
        else
        {
            node = ParsePrimary();
        }
        node = ParsePostfix(node);
        if (withFilter) node = ParseFilterExpr(node);
        return node;
    }

    private Expr ParsePrimary(bool withNamespace = false)
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Name:
                Next();
                switch (token.Value)
                {
                    case "true" or "True": return new ConstExpr(true, token.Line, token.Column);
                    case "false" or "False": return new ConstExpr(false, token.Line, token.Column);
                    case "none" or "None": return new ConstExpr(null, token.Line, token.Column);
                }
                if (withNamespace && Current.Kind == TokenKind.Dot)
                {
                    Next();
                    var attr = Expect(TokenKind.Name);
                    return new NSRefExpr(token.Value, attr.Value, token.Line, token.Column);
                }
                NoteName(token.Value);
                return new NameExpr(token.Value, token.Line, token.Column);
            case TokenKind.String:
                Next();
                var value = (string)token.Literal!;
                if (Current.Kind == TokenKind.String)
                {
                    var sb = new System.Text.StringBuilder(value);
                    while (Current.Kind == TokenKind.String) sb.Append((string)Next().Literal!);
                    value = sb.ToString();
                }
                return new ConstExpr(value, token.Line, token.Column);
            case TokenKind.Integer or TokenKind.Float:
                Next();
                return new ConstExpr(token.Literal, token.Line, token.Column);
            case TokenKind.LParen:
                Next();
                var inner = ParseTuple(explicitParentheses: true);
                Expect(TokenKind.RParen);
                return inner;
            case TokenKind.LBracket:
                return ParseList();
            case TokenKind.LBrace:
                return ParseDict();
            default:
                throw Error($"unexpected '{token.Describe()}'", token);
        }
    }

    private Expr ParseTuple(bool simplified = false, bool withCondExpr = true, string[]? extraEndRules = null,
        bool explicitParentheses = false, bool withNamespace = false)
    {
        var at = Current;
        var args = new List<Expr>();
        var isTuple = false;
        while (true)
        {
            if (args.Count > 0) Expect(TokenKind.Comma);
            if (IsTupleEnd(extraEndRules)) break;
            args.Add(simplified ? ParsePrimary(withNamespace) : ParseExpression(withCondExpr));
            if (Current.Kind == TokenKind.Comma) isTuple = true;
            else break;
            at = Current;
        }
        if (!isTuple)
        {
            if (args.Count > 0) return args[0];
            if (!explicitParentheses) throw Error($"Expected an expression, got '{Current.Describe()}'", Current);
        }
        return new TupleExpr(args.ToArray(), at.Line, at.Column);
    }

    /// <summary>
    /// Jinja2 3.1 passes its extra end rules to test_any as one tuple, so they never match; only the
    /// closing tokens end a tuple. Kept that way so the same templates fail with the same messages.
    /// </summary>
    private bool IsTupleEnd(string[]? extraEndRules)
    {
        _ = extraEndRules;
        return Current.Kind is TokenKind.VariableEnd or TokenKind.BlockEnd or TokenKind.RParen;
    }

    private Expr ParseList()
    {
        var tok = Expect(TokenKind.LBracket);
        var items = new List<Expr>();
        while (Current.Kind != TokenKind.RBracket)
        {
            if (items.Count > 0) Expect(TokenKind.Comma);
            if (Current.Kind == TokenKind.RBracket) break;
            items.Add(ParseExpression());
        }
        Expect(TokenKind.RBracket);
        return new ListExpr(items.ToArray(), tok.Line, tok.Column);
    }

    private Expr ParseDict()
    {
        var tok = Expect(TokenKind.LBrace);
        var keys = new List<Expr>();
        var values = new List<Expr>();
        while (Current.Kind != TokenKind.RBrace)
        {
            if (keys.Count > 0) Expect(TokenKind.Comma);
            if (Current.Kind == TokenKind.RBrace) break;
            keys.Add(ParseExpression());
            Expect(TokenKind.Colon);
            values.Add(ParseExpression());
        }
        Expect(TokenKind.RBrace);
        return new DictExpr(keys.ToArray(), values.ToArray(), tok.Line, tok.Column);
    }
}
