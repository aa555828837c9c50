namespace Slipway.Jinja.Syntax;

/// <summary>Token types, named as Jinja2's lexer names them (its error messages describe tokens by these).</summary>
internal enum TokenKind : byte
{
    Data, VariableBegin, VariableEnd, BlockBegin, BlockEnd,
    Name, String, Integer, Float,
    Add, Sub, Div, FloorDiv, Mul, Mod, Pow, Tilde,
    LBracket, RBracket, LParen, RParen, LBrace, RBrace,
    Eq, Ne, Gt, GtEq, Lt, LtEq, Assign, Dot, Colon, Pipe, Comma, Semicolon,
    Eof,
    /// <summary>A lexing failure, raised when the parser reaches it (Jinja2 lexes lazily, so earlier parse errors win).</summary>
    Error,
}
