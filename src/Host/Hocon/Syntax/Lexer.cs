using System.Globalization;
using System.Text;

namespace EdgeMoE.Hocon.Syntax;

/// <summary>Turns HOCON text into tokens; comments are dropped, whitespace and newlines are kept (they matter for concatenation).</summary>
internal sealed class Lexer
{
    private const string Forbidden = "$\"{}[]:=,+#`^?!@*&\\";

    private readonly string _text;
    private readonly string _source;
    private int _pos;
    private int _line;
    private int _column;

    private Lexer(string text, string source, int line, int column)
    {
        _text = text;
        _source = source;
        _line = line;
        _column = column;
    }

    /// <summary>All tokens of <paramref name="text"/>, ending with <see cref="TokenKind.End"/>.</summary>
    public static List<Token> Tokenize(string text, string source) => new Lexer(text, source, 1, 1).Run();

    private List<Token> Run()
    {
        var tokens = new List<Token>();
        while (true)
        {
            var token = Next();
            if (token is null)
            {
                continue;
            }

            tokens.Add(token);
            if (token.Kind == TokenKind.End)
            {
                return tokens;
            }
        }
    }

    private ConfigOrigin Here => new(_source, _line, _column);

    private char Peek(int ahead = 0) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private bool AtEnd => _pos >= _text.Length;

    private char Advance()
    {
        var c = _text[_pos++];
        if (c == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }

        return c;
    }

    private HoconException Error(ConfigOrigin at, string reason) => new(at, reason);

    /// <summary>The next token, or null when a comment was skipped.</summary>
    private Token? Next()
    {
        var start = Here;
        if (AtEnd)
        {
            return new Token(TokenKind.End, "", start);
        }

        var c = Peek();
        if (c == '\n')
        {
            Advance();
            return new Token(TokenKind.Newline, "\n", start);
        }

        if (HoconWhitespace.Is(c))
        {
            var sb = new StringBuilder();
            while (!AtEnd && Peek() != '\n' && HoconWhitespace.Is(Peek()))
            {
                sb.Append(Advance());
            }

            return new Token(TokenKind.Whitespace, sb.ToString(), start);
        }

        if (c == '#' || (c == '/' && Peek(1) == '/'))
        {
            while (!AtEnd && Peek() != '\n')
            {
                Advance();
            }

            return null;
        }

        switch (c)
        {
            case '{': Advance(); return new Token(TokenKind.OpenBrace, "{", start);
            case '}': Advance(); return new Token(TokenKind.CloseBrace, "}", start);
            case '[': Advance(); return new Token(TokenKind.OpenBracket, "[", start);
            case ']': Advance(); return new Token(TokenKind.CloseBracket, "]", start);
            case ',': Advance(); return new Token(TokenKind.Comma, ",", start);
            case ':': Advance(); return new Token(TokenKind.Colon, ":", start);
            case '=': Advance(); return new Token(TokenKind.Equals, "=", start);
        }

        if (c == '+')
        {
            if (Peek(1) != '=')
            {
                throw Error(start, "'+' is only allowed as part of '+='; quote the string if you meant a '+'");
            }

            Advance();
            Advance();
            return new Token(TokenKind.PlusEquals, "+=", start);
        }

        if (c == '"')
        {
            return Peek(1) == '"' && Peek(2) == '"' ? TripleQuoted(start) : Quoted(start);
        }

        if (c == '$')
        {
            return Substitution(start);
        }

        if (char.IsAsciiDigit(c) || (c == '-' && char.IsAsciiDigit(Peek(1))))
        {
            return NumberToken(start);
        }

        if (Forbidden.Contains(c))
        {
            throw Error(start, $"the character '{c}' is reserved; quote the string if you meant it literally");
        }

        foreach (var (word, kind) in Keywords)
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0)
            {
                for (var i = 0; i < word.Length; i++)
                {
                    Advance();
                }

                return new Token(kind, word, start);
            }
        }

        return Unquoted(start);
    }

    private static readonly (string Word, TokenKind Kind)[] Keywords =
        [("true", TokenKind.True), ("false", TokenKind.False), ("null", TokenKind.Null)];

    private Token Unquoted(ConfigOrigin start)
    {
        var sb = new StringBuilder();
        while (!AtEnd)
        {
            var c = Peek();
            if (Forbidden.Contains(c) || HoconWhitespace.Is(c) || (c == '/' && Peek(1) == '/'))
            {
                break;
            }

            sb.Append(Advance());
        }

        return new Token(TokenKind.UnquotedText, sb.ToString(), start);
    }

    private Token NumberToken(ConfigOrigin start)
    {
        var begin = _pos;
        if (Peek() == '-')
        {
            Advance();
        }

        while (char.IsAsciiDigit(Peek()))
        {
            Advance();
        }

        if (Peek() == '.' && char.IsAsciiDigit(Peek(1)))
        {
            Advance();
            while (char.IsAsciiDigit(Peek()))
            {
                Advance();
            }
        }

        if (Peek() is 'e' or 'E')
        {
            var sign = Peek(1) is '+' or '-' ? 1 : 0;
            if (char.IsAsciiDigit(Peek(1 + sign)))
            {
                Advance();
                if (sign == 1)
                {
                    Advance();
                }

                while (char.IsAsciiDigit(Peek()))
                {
                    Advance();
                }
            }
        }

        return new Token(TokenKind.Number, _text[begin.._pos], start);
    }

    private Token Quoted(ConfigOrigin start)
    {
        Advance();
        var sb = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error(start, "unterminated quoted string (missing closing '\"')");
            }

            var here = Here;
            var c = Advance();
            if (c == '"')
            {
                return new Token(TokenKind.QuotedString, sb.ToString(), start);
            }

            if (c == '\n')
            {
                throw Error(here, "newline in a quoted string; close the string or use a triple-quoted \"\"\"string\"\"\"");
            }

            if (char.IsControl(c))
            {
                throw Error(here, $"control character U+{(int)c:X4} in a quoted string; escape it");
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (AtEnd)
            {
                throw Error(here, "unterminated quoted string (ends with '\\')");
            }

            var e = Advance();
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    var hex = _pos + 4 <= _text.Length ? _text.Substring(_pos, 4) : "";
                    if (!int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) || hex.Length != 4)
                    {
                        throw Error(here, "'\\u' must be followed by four hexadecimal digits");
                    }

                    for (var i = 0; i < 4; i++)
                    {
                        Advance();
                    }

                    sb.Append((char)code);
                    break;
                default:
                    throw Error(here, $"invalid escape '\\{e}' in a quoted string");
            }
        }
    }

    private Token TripleQuoted(ConfigOrigin start)
    {
        Advance();
        Advance();
        Advance();
        var sb = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error(start, "unterminated triple-quoted string (missing closing '\"\"\"')");
            }

            if (Peek() == '"' && Peek(1) == '"' && Peek(2) == '"')
            {
                // Like Scala: a run of n >= 3 quotes closes the string, and the first n-3 belong to it.
                var run = 0;
                while (Peek(run) == '"')
                {
                    run++;
                }

                sb.Append('"', run - 3);
                for (var i = 0; i < run; i++)
                {
                    Advance();
                }

                return new Token(TokenKind.QuotedString, sb.ToString(), start);
            }

            sb.Append(Advance());
        }
    }

    private Token Substitution(ConfigOrigin start)
    {
        if (Peek(1) != '{')
        {
            throw Error(start, "'$' must begin a substitution '${...}'; quote the string if you meant a '$'");
        }

        Advance();
        Advance();
        var optional = false;
        if (Peek() == '?')
        {
            Advance();
            optional = true;
        }

        var innerStart = Here;
        var inner = new StringBuilder();
        var inQuotes = false;
        while (true)
        {
            if (AtEnd || Peek() == '\n')
            {
                throw Error(start, "unterminated substitution (missing '}')");
            }

            var c = Advance();
            if (c == '"' && (inner.Length == 0 || inner[^1] != '\\' || !inQuotes))
            {
                inQuotes = !inQuotes;
            }
            else if (c == '}' && !inQuotes)
            {
                break;
            }

            inner.Append(c);
        }

        var tokens = new Lexer(inner.ToString(), _source, innerStart.Line, innerStart.Column).Run();
        var parts = new List<Token>();
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.End)
            {
                break;
            }

            if (!token.IsSimpleText && token.Kind != TokenKind.Whitespace)
            {
                throw Error(token.Origin, $"{token.Describe()} is not allowed in a substitution path");
            }

            parts.Add(token);
        }

        var path = HoconPath.FromTokens(parts, start, "substitution");
        return new Token(TokenKind.Substitution, $"${{{(optional ? "?" : "")}{inner}}}", start, path, optional);
    }
}
