namespace Slipway.Jinja.Syntax;

/// <summary>One token with its place in the (newline-normalised) source: 1-based line and column, 0-based offset.</summary>
internal readonly record struct Token(TokenKind Kind, string Value, object? Literal, int Line, int Column, int Offset)
{
    public bool IsName(string name) => Kind == TokenKind.Name && Value == name;

    /// <summary>Jinja2's <c>describe_token</c>: a name describes itself, other tokens by their type.</summary>
    public string Describe() => Kind == TokenKind.Name ? Value : DescribeKind(Kind);

    public static string DescribeKind(TokenKind kind) => kind switch
    {
        TokenKind.Add => "+", TokenKind.Sub => "-", TokenKind.Div => "/", TokenKind.FloorDiv => "//",
        TokenKind.Mul => "*", TokenKind.Mod => "%", TokenKind.Pow => "**", TokenKind.Tilde => "~",
        TokenKind.LBracket => "[", TokenKind.RBracket => "]", TokenKind.LParen => "(", TokenKind.RParen => ")",
        TokenKind.LBrace => "{", TokenKind.RBrace => "}", TokenKind.Eq => "==", TokenKind.Ne => "!=",
        TokenKind.Gt => ">", TokenKind.GtEq => ">=", TokenKind.Lt => "<", TokenKind.LtEq => "<=",
        TokenKind.Assign => "=", TokenKind.Dot => ".", TokenKind.Colon => ":", TokenKind.Pipe => "|",
        TokenKind.Comma => ",", TokenKind.Semicolon => ";",
        TokenKind.BlockBegin => "begin of statement block", TokenKind.BlockEnd => "end of statement block",
        TokenKind.VariableBegin => "begin of print statement", TokenKind.VariableEnd => "end of print statement",
        TokenKind.Data => "template data / text", TokenKind.Eof => "end of template",
        TokenKind.Name => "name", TokenKind.String => "string", TokenKind.Integer => "integer", TokenKind.Float => "float",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
