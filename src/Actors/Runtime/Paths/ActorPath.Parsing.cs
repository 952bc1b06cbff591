using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EdgeMoE.Actors.Runtime;

/// <summary>Reading paths back from <see cref="ToString"/> and <see cref="ToSerializationFormat"/>.</summary>
public sealed partial class ActorPath
{
    /// <summary>
    /// Parses <c>edgemoe://system[@host:port]/element/...[#uid]</c>, the format of <see cref="ToSerializationFormat"/>
    /// (and of <see cref="ToString"/>, which parses with an undefined uid).
    /// </summary>
    /// <exception cref="FormatException">The text is not such a path; the message names the offending part.</exception>
    public static ActorPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var path, out var problem) ? path : throw new FormatException($"'{text}' is not an actor path: {problem}.");
    }

    /// <summary>Like <see cref="Parse"/>, returning <c>false</c> instead of throwing.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ActorPath? path) => TryParse(text, out path, out _);

    private static bool TryParse(string? text, [NotNullWhen(true)] out ActorPath? path, out string problem)
    {
        path = null;
        var prefix = Address.Protocol + "://";
        if (text is null || !text.StartsWith(prefix, StringComparison.Ordinal))
        {
            problem = $"it must start with '{prefix}'";
            return false;
        }

        var rest = text.AsSpan(prefix.Length);
        var uid = UndefinedUid;
        var hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            if (!long.TryParse(rest[(hash + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out uid))
            {
                problem = $"the uid '{rest[(hash + 1)..]}' is not a 64-bit integer";
                return false;
            }

            rest = rest[..hash];
        }

        var slash = rest.IndexOf('/');
        if (!TryParseAddress(slash < 0 ? rest : rest[..slash], out var address, out problem))
        {
            return false;
        }

        var current = Root(address);
        var elements = slash < 0 ? [] : rest[(slash + 1)..];
        if (!elements.IsEmpty && !TryAppend(ref current, elements, out problem))
        {
            return false;
        }

        if (uid != UndefinedUid && current._parent is null)
        {
            problem = "a root path cannot carry a uid";
            return false;
        }

        path = current.WithUid(uid);
        return true;
    }

    // Nothing after the address slash is the root, "edgemoe://sys/"; otherwise every element must be a valid name.
    private static bool TryAppend(ref ActorPath current, ReadOnlySpan<char> elements, out string problem)
    {
        foreach (var range in elements.Split('/'))
        {
            var name = elements[range].ToString();
            if (!ActorNames.IsValid(name))
            {
                problem = $"the element '{name}' is not a valid actor name";
                return false;
            }

            current = current.Child(name);
        }

        problem = "";
        return true;
    }

    private static bool TryParseAddress(ReadOnlySpan<char> text, [NotNullWhen(true)] out Address? address, out string problem)
    {
        address = null;
        var at = text.IndexOf('@');
        var system = (at < 0 ? text : text[..at]).ToString();
        if (!Address.IsValidSystemName(system))
        {
            problem = $"the system name '{system}' must be non-empty letters, digits, '-' and '_'";
            return false;
        }

        if (at < 0)
        {
            address = new Address(system);
            problem = "";
            return true;
        }

        var endpoint = text[(at + 1)..];
        var colon = endpoint.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(endpoint[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            problem = $"the endpoint '{endpoint}' must be host:port with a port in 1..65535";
            return false;
        }

        address = new Address(system, endpoint[..colon].ToString(), port);
        problem = "";
        return true;
    }
}
