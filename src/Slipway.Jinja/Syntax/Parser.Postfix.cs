using Slipway.Jinja.Syntax.Ast;

namespace Slipway.Jinja.Syntax;

// Postfix parts of an expression: attribute and item access, slices, calls, filters and tests.
internal sealed partial class Parser
{
    private Expr ParsePostfix(Expr node)
    {
        while (true)
        {
            var kind = Current.Kind;
            if (kind is TokenKind.Dot or TokenKind.LBracket) node = ParseSubscript(node);
            else if (kind == TokenKind.LParen) node = ParseCall(node);
            else return node;
        }
    }

    private Expr ParseFilterExpr(Expr node)
    {
        while (true)
        {
            var kind = Current.Kind;
            if (kind == TokenKind.Pipe) node = ParseFilter(node, startInline: false)!;
            else if (Current.IsName("is")) node = ParseTest(node);
            else if (kind == TokenKind.LParen) node = ParseCall(node);
            else return node;
        }
    }

    private Expr ParseSubscript(Expr node)
    {
        var token = Next();
        if (token.Kind == TokenKind.Dot)
        {
            var attr = Current;
            Next();
            if (attr.Kind == TokenKind.Name) return new GetattrExpr(node, attr.Value, token.Line, token.Column);
            if (attr.Kind != TokenKind.Integer) throw Error("expected name or number", attr);
            return new GetitemExpr(node, new ConstExpr(attr.Literal, attr.Line, attr.Column), token.Line, token.Column);
        }
        var args = new List<Expr>();
        while (Current.Kind != TokenKind.RBracket)
        {
            if (args.Count > 0) Expect(TokenKind.Comma);
            args.Add(ParseSubscribed());
        }
        Expect(TokenKind.RBracket);
        var arg = args.Count == 1 ? args[0] : new TupleExpr(args.ToArray(), token.Line, token.Column);
        return new GetitemExpr(node, arg, token.Line, token.Column);
    }

    private Expr ParseSubscribed()
    {
        var at = Current;
        Expr? start = null;
        if (Current.Kind == TokenKind.Colon)
        {
            Next();
        }
        else
        {
            var node = ParseExpression();
            if (Current.Kind != TokenKind.Colon) return node;
            Next();
            start = node;
        }
        Expr? stop = null, step = null;
        if (Current.Kind != TokenKind.Colon && Current.Kind is not (TokenKind.RBracket or TokenKind.Comma)) stop = ParseExpression();
        if (Current.Kind == TokenKind.Colon)
        {
            Next();
            if (Current.Kind is not (TokenKind.RBracket or TokenKind.Comma)) step = ParseExpression();
        }
        return new SliceExpr(start, stop, step, at.Line, at.Column);
    }

    private CallArgs ParseCallArgs()
    {
        var token = Expect(TokenKind.LParen);
        var args = new List<Expr>();
        List<string>? kwNames = null;
        List<Expr>? kwValues = null;
        Expr? dynArgs = null, dynKwargs = null;
        var requireComma = false;
        void Ensure(bool ok)
        {
            if (!ok) throw Error("invalid syntax for function call expression", token);
        }
        while (Current.Kind != TokenKind.RParen)
        {
            if (requireComma)
            {
                Expect(TokenKind.Comma);
                if (Current.Kind == TokenKind.RParen) break;
            }
            if (Current.Kind == TokenKind.Mul)
            {
                Ensure(dynArgs is null && dynKwargs is null);
                Next();
                dynArgs = ParseExpression();
            }
            else if (Current.Kind == TokenKind.Pow)
            {
                Ensure(dynKwargs is null);
                Next();
                dynKwargs = ParseExpression();
            }
            else if (Current.Kind == TokenKind.Name && Look().Kind == TokenKind.Assign)
            {
                Ensure(dynKwargs is null);
                var keyToken = Next();
                var key = keyToken.Value;
                if (kwNames is not null && kwNames.Contains(key)) PythonSyntaxError($"keyword argument repeated: {key}", keyToken);
                Next();
                (kwNames ??= new()).Add(key);
                (kwValues ??= new()).Add(ParseExpression());
            }
            else
            {
                Ensure(dynArgs is null && dynKwargs is null && kwNames is null);
                args.Add(ParseExpression());
            }
            requireComma = true;
        }
        Expect(TokenKind.RParen);
        if (args.Count == 0 && kwNames is null && dynArgs is null && dynKwargs is null) return CallArgs.None;
        return new CallArgs(args.ToArray(), kwNames?.ToArray() ?? [], kwValues?.ToArray() ?? [], dynArgs, dynKwargs);
    }

    private Expr ParseCall(Expr node)
    {
        var token = Current;
        var args = ParseCallArgs();
        return new CallExpr(node, args, token.Line, token.Column);
    }

    private Expr? ParseFilter(Expr? node, bool startInline)
    {
        while (Current.Kind == TokenKind.Pipe || startInline)
        {
            if (!startInline) Next();
            var token = Expect(TokenKind.Name);
            var name = token.Value;
            while (SkipIf(TokenKind.Dot)) name += "." + Expect(TokenKind.Name).Value;
            var args = Current.Kind == TokenKind.LParen ? ParseCallArgs() : CallArgs.None;
            _usedFilters.Add(new UsedFilter(false, name, token, _soft));
            node = new FilterExpr(node, name, args, token.Line, token.Column);
            startInline = false;
        }
        return node;
    }

    private Expr ParseTest(Expr node)
    {
        var token = Next();
        var negated = SkipIfName("not");
        var nameToken = Expect(TokenKind.Name);
        var name = nameToken.Value;
        while (SkipIf(TokenKind.Dot)) name += "." + Expect(TokenKind.Name).Value;
        _usedFilters.Add(new UsedFilter(true, name, nameToken, _soft));
        CallArgs args;
        if (Current.Kind == TokenKind.LParen)
        {
            args = ParseCallArgs();
        }
        else if (Current.Kind is TokenKind.Name or TokenKind.String or TokenKind.Integer or TokenKind.Float
                     or TokenKind.LParen or TokenKind.LBracket or TokenKind.LBrace
                 && !(Current.IsName("else") || Current.IsName("or") || Current.IsName("and")))
        {
            if (Current.IsName("is")) throw Error("You cannot chain multiple tests with is", Current);
            var arg = ParsePostfix(ParsePrimary());
            args = new CallArgs([arg], [], [], null, null);
        }
        else
        {
            args = CallArgs.None;
        }
        Expr result = new TestExpr(node, name, args, token.Line, token.Column);
        if (negated) result = new UnaryExpr(NodeKind.Not, "not", result, token.Line, token.Column);
        return result;
    }
}
