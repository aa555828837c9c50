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
        while (Current.Kind != TokenKind.BlockEnd)
        {
            Expect(TokenKind.Comma);
            var key = Expect(TokenKind.Name);
            Expect(TokenKind.Assign);
            var value = ParseExpression();
            if (key.Value == "adapter")
            {
                if (value is not ConstExpr { Value: string s }) throw Error("adapter must be a string", key);
                adapter = s;
            }
            else if (key.Value != "supported_languages" && key.Value != "default")
            {
                throw Error($"only 'adapter' and 'supported_languages' are allowed, got '{key.Value}'", key);
            }
        }
        var used = new HashSet<string>(StringComparer.Ordinal);
        _nameScopes.Add(used);
        Stmt[] body;
        try { body = ParseStatements(["endmaterialization"], dropNeedle: true); }
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
