namespace EdgeMoE.Hocon.Syntax;

/// <summary>The kinds of token the HOCON lexer produces.</summary>
internal enum TokenKind
{
    Whitespace,
    Newline,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Comma,
    Colon,
    Equals,
    PlusEquals,
    QuotedString,
    UnquotedText,
    Number,
    True,
    False,
    Null,
    Substitution,
    End,
}
