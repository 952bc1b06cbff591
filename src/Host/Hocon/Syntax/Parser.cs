using EdgeMoE.Hocon.Loading;
using EdgeMoE.Hocon.Unresolved;

namespace EdgeMoE.Hocon.Syntax;

/// <summary>Recursive-descent HOCON parser: tokens to an unresolved tree; duplicate keys and includes are merged here.</summary>
internal sealed class Parser
{
    private static readonly IReadOnlyList<string> NoPath = [];

    private readonly List<Token> _tokens;
    private readonly ParseContext _context;
    private int _index;

    private Parser(List<Token> tokens, ParseContext context)
    {
        _tokens = tokens;
        _context = context;
    }

    /// <summary>Parses a whole document; its root must be an object (braces may be omitted).</summary>
    public static ObjectNode ParseDocument(string text, ParseContext context) =>
        new Parser(Lexer.Tokenize(text, context.Source), context).Document();

    private Token Peek => _tokens[_index];

    private Token Take() => _tokens[_index++];

    private static HoconException Error(Token at, string reason) => new(at.Origin, reason);

    private void SkipWhitespace()
    {
        while (Peek.Kind == TokenKind.Whitespace)
        {
            _index++;
        }
    }

    private void SkipBlank()
    {
        while (Peek.Kind is TokenKind.Whitespace or TokenKind.Newline)
        {
            _index++;
        }
    }

    /// <summary>After a field or element: consumes one comma if present (two in a row are an error) and returns the
    /// token that ended the entry (the comma itself, or whatever follows).</summary>
    private Token TakeSeparator()
    {
        SkipWhitespace();
        var next = Peek;
        if (next.Kind == TokenKind.Comma)
        {
            Take();
            SkipBlank();
            if (Peek.Kind == TokenKind.Comma)
            {
                throw Error(Peek, "two commas in a row; remove one");
            }
        }

        return next;
    }

    private ObjectNode Document()
    {
        SkipBlank();
        var first = Peek;
        ObjectNode root;
        if (first.Kind == TokenKind.OpenBrace)
        {
            Take();
            root = Fields(NoPath, TokenKind.CloseBrace, first);
            SkipBlank();
            if (Peek.Kind != TokenKind.End)
            {
                throw Error(Peek, $"unexpected {Peek.Describe()} after the closing '}}' of the root object");
            }
        }
        else if (first.Kind == TokenKind.OpenBracket)
        {
            throw Error(first, "a configuration file must contain an object, not an array");
        }
        else
        {
            root = Fields(NoPath, TokenKind.End, first);
        }

        return root;
    }

    /// <summary>Fields up to <paramref name="closing"/>; <paramref name="path"/> is this object's path in the file, or null inside arrays.</summary>
    private ObjectNode Fields(IReadOnlyList<string>? path, TokenKind closing, Token opener)
    {
        var result = ObjectNode.Empty(opener.Origin);
        while (true)
        {
            SkipBlank();
            if (Peek.Kind == closing)
            {
                if (closing != TokenKind.End)
                {
                    Take();
                }

                return result;
            }

            if (Peek.Kind == TokenKind.End)
            {
                throw Error(Peek, $"expected '}}' to close the object opened at {opener.Origin.Line}:{opener.Origin.Column}, got end of file");
            }

            string? key = null;
            if (Peek.Kind == TokenKind.UnquotedText && Peek.Text == "include")
            {
                result = NodeMerge.Objects(result, Include(path));
            }
            else
            {
                var (fieldKey, field) = Field(path);
                key = fieldKey;
                result = NodeMerge.Objects(result, field);
            }

            var next = TakeSeparator();
            if (next.Kind is not (TokenKind.Comma or TokenKind.Newline or TokenKind.End) && next.Kind != closing)
            {
                var after = key is null ? "an include" : $"the value of '{key}'";
                throw Error(next, $"expected ',' or a newline after {after}, got {next.Describe()}");
            }
        }
    }

    private (string Key, ObjectNode Field) Field(IReadOnlyList<string>? objectPath)
    {
        var keyStart = Peek;
        var keyTokens = new List<Token>();
        while (Peek.IsSimpleText || Peek.Kind == TokenKind.Whitespace)
        {
            keyTokens.Add(Take());
        }

        if (keyTokens.All(t => t.Kind == TokenKind.Whitespace))
        {
            throw Error(Peek, $"expected a key, got {Peek.Describe()}");
        }

        var keyPath = HoconPath.FromTokens(keyTokens, keyStart.Origin, "key");
        var fullPath = objectPath is null ? null : (IReadOnlyList<string>)[.. objectPath, .. keyPath];
        var keyText = HoconPath.Render(keyPath);
        SkipBlank();
        var separator = Peek;
        Node value;
        switch (separator.Kind)
        {
            case TokenKind.Colon or TokenKind.Equals:
                Take();
                SkipBlank();
                value = Value(fullPath);
                break;
            case TokenKind.PlusEquals:
                Take();
                SkipBlank();
                if (fullPath is null)
                {
                    throw Error(separator, $"'+=' is not supported inside an array element (key '{keyText}')");
                }

                var appended = Value(fullPath);
                // a += b is defined as a = ${?a} [b].
                value = new ConcatenationNode(
                    [new SubstitutionNode(fullPath, true, _context.IncludePrefix, separator.Origin),
                     new ArrayNode([appended], appended.Origin)],
                    separator.Origin);
                break;
            case TokenKind.OpenBrace:
                value = Value(fullPath);
                break;
            default:
                throw Error(separator, $"expected ':', '=', '+=' or '{{' after the key '{keyText}', got {separator.Describe()}");
        }

        for (var i = keyPath.Count - 1; i >= 0; i--)
        {
            value = new ObjectNode([new(keyPath[i], value)], keyStart.Origin);
        }

        return (keyText, (ObjectNode)value);
    }

    /// <summary>A value: one or more simple values, substitutions, objects or arrays on one line (a concatenation).</summary>
    private Node Value(IReadOnlyList<string>? path)
    {
        var parts = new List<Node>();
        while (true)
        {
            var token = Peek;
            switch (token.Kind)
            {
                case TokenKind.Whitespace:
                    parts.Add(new WhitespaceNode(token.Text, token.Origin));
                    break;
                case TokenKind.QuotedString or TokenKind.UnquotedText:
                    parts.Add(new ScalarNode(new HoconString(token.Text, token.Origin)));
                    break;
                case TokenKind.Number:
                    parts.Add(new ScalarNode(new HoconNumber(token.Text, token.Origin)));
                    break;
                case TokenKind.True or TokenKind.False:
                    parts.Add(new ScalarNode(new HoconBoolean(token.Kind == TokenKind.True, token.Origin)));
                    break;
                case TokenKind.Null:
                    parts.Add(new ScalarNode(new HoconNull(token.Origin)));
                    break;
                case TokenKind.Substitution:
                    parts.Add(new SubstitutionNode(token.Path!, token.Optional, _context.IncludePrefix, token.Origin));
                    break;
                case TokenKind.OpenBrace:
                    Take();
                    parts.Add(Fields(path, TokenKind.CloseBrace, token));
                    continue;
                case TokenKind.OpenBracket:
                    Take();
                    parts.Add(Array(token));
                    continue;
                case TokenKind.Colon or TokenKind.Equals or TokenKind.PlusEquals:
                    throw Error(token, $"{token.Describe()} is not allowed in an unquoted value; quote the string if it contains it");
                default:
                    return Concatenation.Fold(parts, token);
            }

            Take();
        }
    }

    private ArrayNode Array(Token opener)
    {
        var items = new List<Node>();
        while (true)
        {
            SkipBlank();
            if (Peek.Kind == TokenKind.CloseBracket)
            {
                Take();
                return new ArrayNode(items, opener.Origin);
            }

            if (Peek.Kind == TokenKind.End)
            {
                throw Error(Peek, $"expected ']' to close the array opened at {opener.Origin.Line}:{opener.Origin.Column}, got end of file");
            }

            items.Add(Value(null));
            var next = TakeSeparator();
            if (next.Kind is not (TokenKind.Comma or TokenKind.Newline or TokenKind.CloseBracket or TokenKind.End))
            {
                throw Error(next, $"expected ',', a newline or ']' after an array element, got {next.Describe()}");
            }
        }
    }

    /// <summary><c>include "f"</c>, <c>include file("f")</c>, <c>include required(...)</c>.</summary>
    private ObjectNode Include(IReadOnlyList<string>? objectPath)
    {
        var keyword = Take();
        SkipBlank();
        var openerText = new System.Text.StringBuilder();
        var openerStart = Peek;
        while (Peek.Kind is TokenKind.UnquotedText or TokenKind.Whitespace or TokenKind.Newline)
        {
            var t = Take();
            if (t.Kind == TokenKind.UnquotedText)
            {
                openerText.Append(t.Text);
            }
        }

        var wrappers = openerText.ToString().Split('(');
        if (wrappers[^1].Length != 0)
        {
            throw Error(openerStart, $"include must be followed by a quoted file name, file(\"...\") or required(\"...\"), got '{openerText}'");
        }

        var names = wrappers[..^1];
        var required = false;
        for (var i = 0; i < names.Length; i++)
        {
            switch (names[i])
            {
                case "required" when i == 0 && !required:
                    required = true;
                    break;
                case "file":
                    break;
                case "url" or "classpath":
                    throw Error(openerStart, $"include {names[i]}(...) is not supported; use a file name or file(\"...\")");
                default:
                    throw Error(openerStart, $"unknown include form '{names[i]}(': expected required(...) or file(...)");
            }
        }

        if (names.Length > 2 || (names.Length == 2 && !required))
        {
            throw Error(openerStart, "invalid include: only required(file(\"...\")) may be nested");
        }

        var nameToken = Peek;
        if (nameToken.Kind != TokenKind.QuotedString)
        {
            throw Error(nameToken, $"include needs a quoted file name, got {nameToken.Describe()}");
        }

        Take();
        var closersNeeded = names.Length;
        while (closersNeeded > 0)
        {
            SkipBlank();
            var t = Peek;
            if (t.Kind != TokenKind.UnquotedText || t.Text.Length == 0 || t.Text.Any(c => c != ')'))
            {
                throw Error(t, $"expected ')' to close the include, got {t.Describe()}");
            }

            if (t.Text.Length > closersNeeded)
            {
                throw Error(t, "too many ')' after the include");
            }

            closersNeeded -= t.Text.Length;
            Take();
        }

        IReadOnlyList<string> prefix = objectPath is null ? [] : [.. _context.IncludePrefix, .. objectPath];
        return _context.Includes.Include(nameToken.Text, required, _context, prefix, keyword.Origin);
    }
}
