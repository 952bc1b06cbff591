using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Serialization;
using System.Text;
using Akka.Actor;

namespace EdgeMoE.Actors.Cluster.Wire;

/// <summary>
/// Reads the EdgeMoE wire format back from one message's bytes. Every read checks the bytes left first, so a
/// truncated or corrupted message fails with a <see cref="SerializationException"/> naming the type, and a claimed
/// length larger than the message never allocates.
/// </summary>
public sealed class WireReader
{
    private readonly byte[] _bytes;
    private readonly ExtendedActorSystem _system;
    private int _position;

    /// <param name="bytes">The whole message.</param>
    /// <param name="typeName">The type being read, named in every error.</param>
    /// <param name="system">Resolves actor paths.</param>
    public WireReader(byte[] bytes, string typeName, ExtendedActorSystem system)
    {
        _bytes = bytes;
        TypeName = typeName;
        _system = system;
    }

    /// <summary>The type being read.</summary>
    public string TypeName { get; }

    /// <summary>Bytes not read yet.</summary>
    public int Remaining => _bytes.Length - _position;

    /// <summary>An unsigned LEB128 varint; more than 10 bytes, or bits beyond 64, is malformed.</summary>
    public ulong ReadVarUInt()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Take(1)[0];
            if (shift == 63 && b > 1)
            {
                throw Fail($"varint overflows 64 bits at byte {_position - 1}");
            }

            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Fail($"varint longer than 10 bytes at byte {_position - 1}");
    }

    /// <summary>A zig-zag varint.</summary>
    public long ReadVarInt()
    {
        var raw = ReadVarUInt();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    /// <summary>A zig-zag varint that must fit an <see cref="int"/>.</summary>
    public int ReadInt()
    {
        var value = ReadVarInt();
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw Fail($"{value} does not fit a 32-bit integer");
    }

    /// <summary>A count of items of <paramref name="minBytesEach"/> bytes at least, checked against the bytes left.</summary>
    public int ReadCount(int minBytesEach = 1)
    {
        var at = _position;
        var count = ReadVarUInt();
        if (count > int.MaxValue || count * (ulong)Math.Max(minBytesEach, 0) > (ulong)Remaining)
        {
            throw Fail($"length {count} at byte {at} exceeds the {Remaining} bytes left");
        }

        return (int)count;
    }

    /// <summary>A boolean byte (0 or 1; anything else is malformed).</summary>
    public bool ReadBool()
    {
        var b = Take(1)[0];
        return b switch
        {
            0 => false,
            1 => true,
            _ => throw Fail($"boolean byte {b} at byte {_position - 1}"),
        };
    }

    /// <summary>8 little-endian bytes as a double, bit for bit.</summary>
    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    /// <summary>4 little-endian bytes as a float, bit for bit.</summary>
    public float ReadFloat() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

    /// <summary>A duration from its ticks.</summary>
    public TimeSpan ReadTimeSpan() => TimeSpan.FromTicks(ReadVarInt());

    /// <summary>A UTF-8 string.</summary>
    public string ReadString() => Encoding.UTF8.GetString(Take(ReadCount()));

    /// <summary>A byte array written by <see cref="WireWriter.WriteBytes"/>.</summary>
    public byte[] ReadBytes() => Take(ReadCount()).ToArray();

    /// <summary>A float array written by <see cref="WireWriter.WriteFloats"/>.</summary>
    public float[] ReadFloats()
    {
        var count = ReadCount(sizeof(float));
        var source = Take(count * sizeof(float));
        var values = GC.AllocateUninitializedArray<float>(count);
        if (BitConverter.IsLittleEndian)
        {
            source.CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                values[i] = BinaryPrimitives.ReadSingleLittleEndian(source[(i * sizeof(float))..]);
            }
        }

        return values;
    }

    /// <summary>Doubles written by <see cref="WireWriter.WriteDoubles"/>.</summary>
    public double[] ReadDoubles() => ReadRawDoubles(ReadCount(sizeof(double)));

    /// <summary><paramref name="count"/> raw little-endian doubles, checked against the bytes left before allocating.</summary>
    public double[] ReadRawDoubles(long count)
    {
        if (count < 0 || count > Remaining / sizeof(double))
        {
            throw Fail($"length {count} at byte {_position} exceeds the {Remaining} bytes left");
        }

        var source = Take((int)count * sizeof(double));
        var values = GC.AllocateUninitializedArray<double>((int)count);
        if (BitConverter.IsLittleEndian)
        {
            source.CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
        }
        else
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = BinaryPrimitives.ReadDoubleLittleEndian(source[(i * sizeof(double))..]);
            }
        }

        return values;
    }

    /// <summary>A long array written by <see cref="WireWriter.WriteLongs"/> (differences added back).</summary>
    public long[] ReadLongs()
    {
        var values = new long[ReadCount()];
        var previous = 0L;
        for (var i = 0; i < values.Length; i++)
        {
            previous = unchecked(previous + ReadVarInt());
            values[i] = previous;
        }

        return values;
    }

    /// <summary>An int array written by <see cref="WireWriter.WriteInts"/>.</summary>
    public int[] ReadInts()
    {
        var values = new int[ReadCount()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ReadInt();
        }

        return values;
    }

    /// <summary>An actor reference, resolved by this system's provider (remote paths become remote refs).</summary>
    public IActorRef ReadActorRef() => _system.Provider.ResolveActorRef(ReadString());

    /// <summary>A presence byte, then the value when there is one.</summary>
    public T? ReadOptional<T>(Func<WireReader, T> read)
        where T : class => ReadBool() ? read(this) : null;

    /// <summary>An enum stored as a varint, which must be a defined value.</summary>
    public T ReadEnum<T>()
        where T : struct, Enum
    {
        var value = ReadInt();
        var result = (T)Enum.ToObject(typeof(T), value);
        return Enum.IsDefined(result) ? result : throw Fail($"{value} is not a {typeof(T).Name}");
    }

    /// <summary>Throws unless every byte was read.</summary>
    public void EnsureConsumed()
    {
        if (Remaining != 0)
        {
            throw Fail($"{Remaining} trailing bytes after byte {_position} of {_bytes.Length}");
        }
    }

    /// <summary>An exception naming the type and <paramref name="reason"/>.</summary>
    public SerializationException Fail(string reason) => new($"EdgeMoE wire: {TypeName}: {reason}");

    private ReadOnlySpan<byte> Take(int bytes)
    {
        if (bytes > Remaining)
        {
            throw Fail($"truncated at byte {_position} of {_bytes.Length} ({bytes} more bytes needed)");
        }

        var span = _bytes.AsSpan(_position, bytes);
        _position += bytes;
        return span;
    }
}
