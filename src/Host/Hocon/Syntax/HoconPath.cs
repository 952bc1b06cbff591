using System.Text;

namespace EdgeMoE.Hocon;

/// <summary>Path expressions (<c>a.b."c.d"</c>): parsing into elements and rendering back.</summary>
public static class HoconPath
{
    /// <summary>Splits a path expression into its elements; dots inside quotes are not separators.</summary>
    /// <exception cref="HoconException">The expression is empty or has an empty unquoted element.</exception>
    public static IReadOnlyList<string> Parse(string expression)
    {
        var origin = new ConfigOrigin("path '" + expression + "'", 1, 1);
        var tokens = Syntax.Lexer.Tokenize(expression, origin.Source);
        var parts = tokens.Where(t => t.Kind != Syntax.TokenKind.End).ToList();
        foreach (var token in parts)
        {
            if (!token.IsSimpleText && token.Kind != Syntax.TokenKind.Whitespace)
            {
                throw new HoconException(token.Origin, $"{token.Describe()} is not allowed in a path");
            }
        }

        return FromTokens(parts, origin, "path");
    }

    /// <summary>Renders path elements as a path expression, quoting elements that need it.</summary>
    public static string Render(IEnumerable<string> elements) => string.Join('.', elements.Select(RenderElement));

    /// <summary>One path element, quoted when it is empty or holds characters an unquoted key cannot.</summary>
    public static string RenderElement(string element)
    {
        var plain = element.Length > 0
            && element.All(c => char.IsLetterOrDigit(c) || c is '-' or '_')
            && !char.IsAsciiDigit(element[0]) && element[0] != '-'
            && element is not ("true" or "false" or "null" or "include")
            && !element.StartsWith("true", StringComparison.Ordinal)
            && !element.StartsWith("false", StringComparison.Ordinal)
            && !element.StartsWith("null", StringComparison.Ordinal);
        return plain || (element.Length > 0 && element.All(char.IsAsciiDigit)) ? element : Rendering.JsonText.Quote(element);
    }

    /// <summary>Builds a path from the tokens of a key or substitution; leading and trailing whitespace is dropped.</summary>
    internal static IReadOnlyList<string> FromTokens(IReadOnlyList<Syntax.Token> tokens, ConfigOrigin at, string what)
    {
        var first = 0;
        var last = tokens.Count - 1;
        while (first <= last && tokens[first].Kind == Syntax.TokenKind.Whitespace)
        {
            first++;
        }

        while (last >= first && tokens[last].Kind == Syntax.TokenKind.Whitespace)
        {
            last--;
        }

        if (first > last)
        {
            throw new HoconException(at, $"empty {what}: expected a path such as a.b.c");
        }

        var elements = new List<string>();
        var current = new StringBuilder();
        var quotedInElement = false;
        for (var i = first; i <= last; i++)
        {
            var token = tokens[i];
            if (token.Kind == Syntax.TokenKind.QuotedString)
            {
                current.Append(token.Text);
                quotedInElement = true;
                continue;
            }

            foreach (var c in token.Text)
            {
                if (c != '.')
                {
                    current.Append(c);
                    continue;
                }

                EndElement(token.Origin);
            }
        }

        EndElement(tokens[last].Origin);
        return elements;

        void EndElement(ConfigOrigin where)
        {
            if (current.Length == 0 && !quotedInElement)
            {
                throw new HoconException(where, $"{what} has an empty element (a leading, trailing or doubled '.'); quote it as \"\" if you mean an empty key");
            }

            elements.Add(current.ToString());
            current.Clear();
            quotedInElement = false;
        }
    }
}
