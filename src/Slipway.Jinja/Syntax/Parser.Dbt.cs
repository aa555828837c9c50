using Slipway.Jinja.Syntax.Ast;

namespace Slipway.Jinja.Syntax;

// dbt's block tags: test/data_test and materialization define macros, docs are collected, snapshot renders its body.
internal sealed partial class Parser
{
    private Stmt ParseDbtStatement(string tag) => tag switch
    {
        "test" or "data_test" => ParseDbtTest(tag),
        "materialization" => ParseMaterialization(),
        "docs" => ParseDocs(),
        _ => ParseSnapshot(),
    };

    private Stmt ParseDbtTest(string tag)
    {
        var tok = Next();
        var name = Expect(TokenKind.Name).Value;
        return new MacroStmt(ParseMacroBody("test_" + name, ["end" + tag], tok), tok.Line, tok.Column);
    }

    private Stmt ParseMaterialization()
    {
        var tok = Next();
        var name = Expect(TokenKind.Name).Value;
        var adapter = "default";
        // As dbt: ", default" marks the fallback implementation; adapter= and supported_languages= take values.
        while (SkipIf(TokenKind.Comma))
        {
            var key = Expect(TokenKind.Name);
            if (key.Value == "default") continue;
            if (key.Value is not ("adapter" or "supported_languages"))
                throw Error($"materialization '{name}' received unknown argument '{key.Value}'.", key);
            Expect(TokenKind.Assign);
            var value = ParseExpression();
            if (key.Value == "adapter")
                adapter = value is ConstExpr { Value: string s } ? s : throw Error("the adapter of a materialization must be a string", key);
        }
        var used = new HashSet<string>(StringComparer.Ordinal);
        _nameScopes.Add(used);
        Stmt[] body;
        try { body = OutsideLoops(() => ParseStatements(["endmaterialization"], dropNeedle: true)); }
        finally { _nameScopes.Remove(used); }
        var def = new MacroDef($"materialization_{name}_{adapter}", [], [], body,
            used.Contains("kwargs"), used.Contains("varargs"), used.Contains("caller"));
        return new MacroStmt(def, tok.Line, tok.Column);
    }

    private Stmt ParseDocs()
    {
        var tok = Next();
        var name = Expect(TokenKind.Name).Value;
        var start = Current.Offset + Current.Value.Length;
        ParseStatements(["enddocs"]);
        var end = _tokens[_index - 1].Offset; // the '{%' of enddocs
        Next();
        var text = start <= end ? _source.Text[start..end] : "";
        return new DocsStmt(name, text, tok.Line, tok.Column);
    }

    private Stmt ParseSnapshot()
    {
        var tok = Next();
        var name = Expect(TokenKind.Name).Value;
        var body = ParseStatements(["endsnapshot"], dropNeedle: true);
        return new SnapshotStmt(name, body, tok.Line, tok.Column);
    }
}
