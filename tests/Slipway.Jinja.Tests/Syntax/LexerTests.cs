using Slipway.Jinja.Syntax;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Tests.Syntax;

public class LexerTests
{
    private static List<Token> Lex(string source) => [.. Lexer.Tokenize(new SourceText(source, false), false, false)];

    [Theory]
    [MemberData(nameof(LexerCases.Streams), MemberType = typeof(LexerCases))]
    public void Tokens_and_lines_match_Jinja2(string source, string expected)
    {
        var lines = Lex(source).Where(t => t.Kind != TokenKind.Eof).Select(t =>
        {
            var value = t.Kind switch
            {
                TokenKind.String or TokenKind.Integer or TokenKind.Float => Py.Repr(t.Literal),
                TokenKind.Name or TokenKind.Data or TokenKind.VariableBegin or TokenKind.VariableEnd or TokenKind.BlockBegin or TokenKind.BlockEnd => t.Value,
                _ => "",
            };
            return $"{t.Kind} {t.Line} {value}";
        });
        Assert.Equal(expected, string.Join("\n", lines));
    }

    [Fact]
    public void Tokens_carry_column_and_offset()
    {
        var tokens = Lex("ab\n  {{ foo.bar }}");
        var foo = tokens.Single(t => t.Kind == TokenKind.Name && t.Value == "foo");
        Assert.Equal((2, 6, 8), (foo.Line, foo.Column, foo.Offset));
        var bar = tokens.Single(t => t.Kind == TokenKind.Name && t.Value == "bar");
        Assert.Equal((2, 10), (bar.Line, bar.Column));
    }

    [Fact]
    public void A_lexing_error_is_a_trailing_error_token_so_earlier_parse_errors_win()
    {
        var tokens = Lex("{{ a }}{{ b ! }}");
        Assert.Equal(TokenKind.Error, tokens[^1].Kind);
        Assert.Equal("unexpected char '!' at 12", tokens[^1].Value);
        var e = Assert.Throws<TemplateError>(() => new JinjaEnvironment().FromString("{% if %}{{ b ! }}"));
        Assert.Equal("Expected an expression, got 'end of statement block'", e.Description);
    }

    [Theory]
    [InlineData("{{ 9223372036854775807 }}", "9223372036854775807")]
    [InlineData("{{ 0x7fff_ffff_ffff_ffff }}", "9223372036854775807")]
    public void Integer_literals_up_to_64_bits_are_read(string source, string expected)
    {
        Assert.Equal(expected, new JinjaEnvironment().FromString(source).Render());
    }

    [Theory]
    [InlineData("{{ 9223372036854775808 }}")]
    [InlineData("{{ 0xffffffffffffffffff }}")]
    public void Larger_integer_literals_are_a_clear_syntax_error(string source)
    {
        var e = Assert.Throws<TemplateError>(() => new JinjaEnvironment().FromString(source));
        Assert.Equal(("TemplateSyntaxError", "integer literal too large (Slipway ints are 64-bit)"), (e.Kind, e.Description));
    }

    [Fact]
    public void End_of_template_has_the_line_of_the_last_token_as_in_Jinja2()
    {
        var tokens = Lex("{% if x %}\nabc\ndef");
        Assert.Equal((TokenKind.Eof, 1), (tokens[^1].Kind, tokens[^1].Line));
    }
}
