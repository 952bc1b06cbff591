using System.Buffers;

namespace EdgeMoE.Actors.Runtime;

/// <summary>Rules for actor names and the generator of automatic names (<c>$a</c>, <c>$b</c>, ...).</summary>
internal static class ActorNames
{
    private const string Digits = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";

    // '/', '@', ':' and '#' delimit path, address and uid in the serialized form, so a name must not contain them.
    private static readonly SearchValues<char> Illegal = SearchValues.Create(
        ['/', '@', ':', '#', ' ', .. Enumerable.Range(0, 0x20).Select(i => (char)i), .. Enumerable.Range(0x7F, 0x21).Select(i => (char)i)]);

    /// <summary>Throws <see cref="ArgumentException"/> naming the problem when <paramref name="name"/> is not a valid element.</summary>
    public static void Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            throw new ArgumentException("An actor name must not be empty.", nameof(name));
        }

        var illegal = name.AsSpan().IndexOfAny(Illegal);
        if (illegal >= 0)
        {
            throw new ArgumentException($"Actor name '{name}' contains the illegal character '{name[illegal]}'.", nameof(name));
        }
    }

    /// <summary><c>true</c> when <paramref name="name"/> is a valid element (see <see cref="Validate"/>).</summary>
    public static bool IsValid(string name) => name.Length > 0 && name.AsSpan().IndexOfAny(Illegal) < 0;

    /// <summary>A short automatic name for the <paramref name="counter"/>-th unnamed child (deterministic per parent).</summary>
    public static string Automatic(long counter)
    {
        Span<char> buffer = stackalloc char[16];
        var i = buffer.Length;
        var n = counter;
        do
        {
            buffer[--i] = Digits[(int)(n & 63)];
            n >>= 6;
        }
        while (n != 0);

        buffer[--i] = '$';
        return new string(buffer[i..]);
    }
}
