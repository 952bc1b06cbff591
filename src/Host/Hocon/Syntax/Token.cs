namespace EdgeMoE.Hocon.Syntax;

/// <summary>One lexical token with the text it was written as and where it starts.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Text">Raw text (for quoted strings: the decoded value).</param>
/// <param name="Origin">File, line and column of the first character.</param>
/// <param name="Path">For substitutions: the path elements inside <c>${...}</c>.</param>
/// <param name="Optional">For substitutions: written as <c>${?...}</c>.</param>
internal sealed record Token(TokenKind Kind, string Text, ConfigOrigin Origin, IReadOnlyList<string>? Path = null, bool Optional = false)
{
    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.Newline => "end of line",
        TokenKind.End => "end of file",
        TokenKind.QuotedString => $"\"{Text}\"",
        TokenKind.Substitution => $"${{{(Optional ? "?" : "")}{HoconPath.Render(Path ?? [])}}}",
        _ => $"'{Text}'",
    };

    /// <summary>True for tokens that can be part of a key or a string concatenation.</summary>
    public bool IsSimpleText => Kind is TokenKind.QuotedString or TokenKind.UnquotedText or TokenKind.Number
        or TokenKind.True or TokenKind.False or TokenKind.Null;
}
