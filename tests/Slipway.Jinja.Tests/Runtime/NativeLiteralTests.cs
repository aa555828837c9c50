using Slipway.Jinja.Runtime;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Tests.Runtime;

/// <summary>ast.literal_eval as Python answers it (values checked with python3).</summary>
public class NativeLiteralTests
{
    [Theory]
    [InlineData("(1, 2)", "(1, 2)")]
    [InlineData("(1,)", "(1,)")]
    [InlineData("[1, [2, 3]]", "[1, [2, 3]]")]
    [InlineData("{'a': [1]}", "{'a': [1]}")]
    [InlineData("'a' 'b'", "'ab'")]
    [InlineData("1, 2", "(1, 2)")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("0x10", "16")]
    [InlineData("[1,]", "[1]")]
    [InlineData("{}", "{}")]
    [InlineData("()", "()")]
    [InlineData("\"\"\"x\"\"\"", "'x'")]
    [InlineData("1_000", "1000")]
    [InlineData("1e3", "1000.0")]
    [InlineData("(\n1,\n2)", "(1, 2)")]
    public void Literals_parse_as_Python(string text, string repr)
    {
        Assert.True(NativeLiteral.TryParse(text, out var value));
        Assert.Equal(repr, Py.Repr(value));
    }

    [Theory]
    [InlineData("True False")]
    [InlineData("(1 2)")]
    [InlineData(" 5")]
    [InlineData("abc")]
    [InlineData("1 + 2")]
    [InlineData("")]
    public void Non_literals_are_rejected(string text)
    {
        Assert.False(NativeLiteral.TryParse(text, out _));
    }

    [Fact]
    public void Absurd_nesting_is_not_a_literal_rather_than_a_crash()
    {
        var deep = new string('[', 200_000) + new string(']', 200_000);
        var parsed = true;
        var thread = new Thread(() => parsed = NativeLiteral.TryParse(deep, out _), 1024 * 1024);
        thread.Start();
        thread.Join();
        Assert.False(parsed);
    }
}
