using System.Globalization;
using System.Text;
using EdgeMoE.Hocon.Unresolved;

namespace EdgeMoE.Hocon.Loading;

/// <summary>
/// Java properties files mapped as the spec says: keys split on every '.', values always strings, and when a key
/// is both a value and a parent object the object wins.
/// </summary>
internal static class PropertiesReader
{
    public static ObjectNode Read(string text, string source)
    {
        var root = new Branch(new ConfigOrigin(source, 1, 1));
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var logical = lines[i].TrimStart();
            if (logical.Length == 0 || logical[0] is '#' or '!')
            {
                continue;
            }

            // A line ending in an odd number of backslashes continues on the next line.
            while (EndsWithContinuation(logical) && i + 1 < lines.Length)
            {
                logical = logical[..^1] + lines[++i].TrimStart();
            }

            var (key, value) = Split(logical);
            var origin = new ConfigOrigin(source, lineNumber, 1);
            root.Set(key.Split('.'), new HoconString(value, origin), origin);
        }

        return root.ToNode();
    }

    private static bool EndsWithContinuation(string line)
    {
        var count = 0;
        for (var i = line.Length - 1; i >= 0 && line[i] == '\\'; i--)
        {
            count++;
        }

        return count % 2 == 1;
    }

    private static (string Key, string Value) Split(string line)
    {
        var key = new StringBuilder();
        var i = 0;
        for (; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length)
            {
                key.Append(Unescape(line, ref i));
                continue;
            }

            if (c is '=' or ':' || char.IsWhiteSpace(c))
            {
                break;
            }

            key.Append(c);
        }

        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        if (i < line.Length && line[i] is '=' or ':')
        {
            i++;
        }

        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        var value = new StringBuilder();
        for (; i < line.Length; i++)
        {
            value.Append(line[i] == '\\' && i + 1 < line.Length ? Unescape(line, ref i) : line[i]);
        }

        return (key.ToString(), value.ToString());
    }

    private static char Unescape(string line, ref int i)
    {
        var c = line[++i];
        switch (c)
        {
            case 't': return '\t';
            case 'n': return '\n';
            case 'r': return '\r';
            case 'f': return '\f';
            case 'u' when i + 4 < line.Length
                && int.TryParse(line.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                i += 4;
                return (char)code;
            default: return c;
        }
    }

    /// <summary>A mutable object under construction; only used while reading one file.</summary>
    private sealed class Branch(ConfigOrigin origin)
    {
        private readonly List<string> _order = [];
        private readonly Dictionary<string, object> _children = new(StringComparer.Ordinal);

        public void Set(string[] path, HoconString value, ConfigOrigin at)
        {
            var node = this;
            for (var i = 0; i < path.Length - 1; i++)
            {
                if (!node._children.TryGetValue(path[i], out var child) || child is not Branch)
                {
                    // The object wins over a plain value at the same key.
                    child = new Branch(at);
                    node.Put(path[i], child);
                }

                node = (Branch)child;
            }

            if (!node._children.TryGetValue(path[^1], out var existing) || existing is not Branch)
            {
                node.Put(path[^1], value);
            }
        }

        private void Put(string key, object child)
        {
            if (!_children.ContainsKey(key))
            {
                _order.Add(key);
            }

            _children[key] = child;
        }

        public ObjectNode ToNode() => new(
            [.. _order.Select(k => new KeyValuePair<string, Node>(k, _children[k] is Branch b ? b.ToNode() : new ScalarNode((HoconString)_children[k])))],
            origin);
    }
}
