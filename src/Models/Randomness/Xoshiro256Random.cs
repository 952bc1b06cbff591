namespace EdgeMoE.Models.Randomness;

/// <summary>
/// xoshiro256** (Blackman and Vigna) behind the <see cref="Random"/> API, seeded through SplitMix64.
/// Its sequence depends only on the seed, never on the .NET version or process.
/// </summary>
public sealed class Xoshiro256Random : Random
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>A generator whose whole state is derived from <paramref name="seed"/>.</summary>
    public Xoshiro256Random(ulong seed)
    {
        var x = seed;
        _s0 = StableHash.Mix64(x += 0x9E3779B97F4A7C15UL);
        _s1 = StableHash.Mix64(x += 0x9E3779B97F4A7C15UL);
        _s2 = StableHash.Mix64(x += 0x9E3779B97F4A7C15UL);
        _s3 = StableHash.Mix64(x + 0x9E3779B97F4A7C15UL);
    }

    /// <summary>A generator that continues exactly where the one whose <see cref="GetState"/> gave <paramref name="state"/> stood.</summary>
    /// <exception cref="ArgumentException">Not four words, or all zero (xoshiro's one forbidden state).</exception>
    public static Xoshiro256Random FromState(ReadOnlySpan<ulong> state)
    {
        var random = new Xoshiro256Random(0);
        random.SetState(state);
        return random;
    }

    /// <summary>The whole state (four 64-bit words), to save a generator and continue it later.</summary>
    public ulong[] GetState() => [_s0, _s1, _s2, _s3];

    /// <summary>Puts the generator back in a state <see cref="GetState"/> returned.</summary>
    /// <exception cref="ArgumentException">Not four words, or all zero (xoshiro's one forbidden state).</exception>
    public void SetState(ReadOnlySpan<ulong> state)
    {
        if (state.Length != 4 || (state[0] | state[1] | state[2] | state[3]) == 0)
        {
            throw new ArgumentException("xoshiro256** state is four 64-bit words, not all zero", nameof(state));
        }

        (_s0, _s1, _s2, _s3) = (state[0], state[1], state[2], state[3]);
    }

    /// <summary>The next raw 64-bit output.</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <inheritdoc />
    public override int Next() => (int)(NextUInt64() >> 33);

    /// <inheritdoc />
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)NextBelow((ulong)maxValue);
    }

    /// <inheritdoc />
    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return (int)(minValue + (long)NextBelow((ulong)((long)maxValue - minValue)));
    }

    /// <inheritdoc />
    public override long NextInt64() => (long)(NextUInt64() >> 1);

    /// <inheritdoc />
    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (long)NextBelow((ulong)maxValue);
    }

    /// <inheritdoc />
    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return minValue + (long)NextBelow((ulong)(maxValue - minValue));
    }

    /// <inheritdoc />
    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <inheritdoc />
    public override float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1U << 24));

    /// <inheritdoc />
    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    /// <inheritdoc />
    public override void NextBytes(Span<byte> buffer)
    {
        while (buffer.Length >= 8)
        {
            BitConverter.TryWriteBytes(buffer, NextUInt64());
            buffer = buffer[8..];
        }

        if (buffer.Length > 0)
        {
            Span<byte> last = stackalloc byte[8];
            BitConverter.TryWriteBytes(last, NextUInt64());
            last[..buffer.Length].CopyTo(buffer);
        }
    }

    /// <inheritdoc />
    protected override double Sample() => NextDouble();

    // Lemire's nearly-divisionless method: unbiased integers in [0, bound).
    private ulong NextBelow(ulong bound)
    {
        if (bound == 0)
        {
            return 0;
        }

        var product = Math.BigMul(NextUInt64(), bound, out var low);
        if (low < bound)
        {
            var threshold = (0 - bound) % bound;
            while (low < threshold)
            {
                product = Math.BigMul(NextUInt64(), bound, out low);
            }
        }

        return product;
    }
}
