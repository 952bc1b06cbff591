namespace EdgeMoE.Actors.Runtime;

/// <summary>Rules for actor names and the generator of automatic names (<c>$a</c>, <c>$b</c>, ...).</summary>
internal static class ActorNames
{
    private const string Digits = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";

    /// <summary>Throws <see cref="ArgumentException"/> naming the problem when <paramref name="name"/> is not a valid element.</summary>
    public static void Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            throw new ArgumentException("An actor name must not be empty.", nameof(name));
        }

        foreach (var c in name)
        {
            if (c is '/' or '@' or ':' or '#' or ' ' || char.IsControl(c))
            {
                throw new ArgumentException($"Actor name '{name}' contains the illegal character '{c}'.", nameof(name));
            }
        }
    }

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
