using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Akka.Actor;

namespace EdgeMoE.Actors.Cluster.Wire;

/// <summary>
/// Appends values in the EdgeMoE wire format to a growing buffer: integers as LEB128 varints (zig-zag when signed),
/// doubles as 8 little-endian bytes, float arrays as a length followed by raw little-endian float32. The buffer is
/// pooled (a dispatch is ~370 KB, which would otherwise land on the large-object heap at every growth): dispose it.
/// </summary>
public sealed class WireWriter : IDisposable
{
    private byte[] _buffer;
    private int _length;

    /// <summary>A writer whose buffer starts at <paramref name="capacity"/> bytes.</summary>
    public WireWriter(int capacity = 256) => _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 16));

    /// <summary>Bytes written so far.</summary>
    public int Length => _length;

    /// <summary>A copy of the bytes written.</summary>
    public byte[] ToArray()
    {
        var bytes = GC.AllocateUninitializedArray<byte>(_length);
        _buffer.AsSpan(0, _length).CopyTo(bytes);
        return bytes;
    }

    /// <summary>Returns the buffer to the pool; the writer is unusable afterwards.</summary>
    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
    }

    /// <summary>An unsigned LEB128 varint (1 to 10 bytes).</summary>
    public void WriteVarUInt(ulong value)
    {
        var span = Reserve(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _length += i;
    }

    /// <summary>A signed integer as a zig-zag varint, so that small negative values stay short.</summary>
    public void WriteVarInt(long value) => WriteVarUInt((ulong)((value << 1) ^ (value >> 63)));

    /// <summary>A count or length (≥ 0) as an unsigned varint.</summary>
    public void WriteCount(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        WriteVarUInt((uint)count);
    }

    /// <summary>A boolean as one byte (0 or 1).</summary>
    public void WriteBool(bool value)
    {
        Reserve(1)[0] = value ? (byte)1 : (byte)0;
        _length++;
    }

    /// <summary>A double as its 8 IEEE-754 bytes, little-endian (NaN payloads and −0.0 kept).</summary>
    public void WriteDouble(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(Reserve(8), value);
        _length += 8;
    }

    /// <summary>A float as its 4 IEEE-754 bytes, little-endian.</summary>
    public void WriteFloat(float value)
    {
        BinaryPrimitives.WriteSingleLittleEndian(Reserve(4), value);
        _length += 4;
    }

    /// <summary>A duration as its ticks (100 ns each), zig-zag varint.</summary>
    public void WriteTimeSpan(TimeSpan value) => WriteVarInt(value.Ticks);

    /// <summary>A string as its UTF-8 byte count followed by the bytes.</summary>
    public void WriteString(string value)
    {
        var bytes = Encoding.UTF8.GetByteCount(value);
        WriteCount(bytes);
        _length += Encoding.UTF8.GetBytes(value, Reserve(bytes));
    }

    /// <summary>A byte array as its length followed by the bytes.</summary>
    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteCount(value.Length);
        value.CopyTo(Reserve(value.Length));
        _length += value.Length;
    }

    /// <summary>A float array as its length followed by raw little-endian float32 (one block copy on this CPU).</summary>
    public void WriteFloats(ReadOnlySpan<float> values)
    {
        WriteCount(values.Length);
        var target = Reserve(checked(values.Length * sizeof(float)));
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(values).CopyTo(target);
        }
        else
        {
            for (var i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(target[(i * sizeof(float))..], values[i]);
            }
        }

        _length += values.Length * sizeof(float);
    }

    /// <summary>Doubles as their length followed by raw little-endian float64.</summary>
    public void WriteDoubles(ReadOnlySpan<double> values)
    {
        WriteCount(values.Length);
        WriteRawDoubles(values);
    }

    /// <summary>Doubles as raw little-endian float64, without a length (the reader knows it from earlier fields).</summary>
    public void WriteRawDoubles(ReadOnlySpan<double> values)
    {
        var target = Reserve(checked(values.Length * sizeof(double)));
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(values).CopyTo(target);
        }
        else
        {
            for (var i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(target[(i * sizeof(double))..], values[i]);
            }
        }

        _length += values.Length * sizeof(double);
    }

    /// <summary>
    /// A long array as its length followed by each element's difference from the previous one (from 0) as a zig-zag
    /// varint: token ids in routing order differ by little, so most take one byte whatever their size.
    /// </summary>
    public void WriteLongs(ReadOnlySpan<long> values)
    {
        WriteCount(values.Length);
        var previous = 0L;
        foreach (var value in values)
        {
            // Wrap-around differences are exact: the reader adds them back modulo 2^64.
            WriteVarInt(unchecked(value - previous));
            previous = value;
        }
    }

    /// <summary>An int array as its length followed by one zig-zag varint per element.</summary>
    public void WriteInts(ReadOnlySpan<int> values)
    {
        WriteCount(values.Length);
        foreach (var value in values)
        {
            WriteVarInt(value);
        }
    }

    /// <summary>An actor reference as Akka's serialized path (with the address remote peers reach it at).</summary>
    public void WriteActorRef(IActorRef value) => WriteString(Akka.Serialization.Serialization.SerializedActorPath(value));

    /// <summary>A presence byte, then the value when there is one.</summary>
    public void WriteOptional<T>(T? value, Action<WireWriter, T> write)
        where T : class
    {
        WriteBool(value is not null);
        if (value is not null)
        {
            write(this, value);
        }
    }

    private Span<byte> Reserve(int bytes)
    {
        var needed = (long)_length + bytes;
        if (needed > _buffer.Length)
        {
            var size = Math.Max(needed, Math.Min((long)_buffer.Length * 2, Array.MaxLength));
            if (size > Array.MaxLength)
            {
                throw new InvalidOperationException($"EdgeMoE wire: a message of {needed} bytes is too large to encode.");
            }

            var larger = ArrayPool<byte>.Shared.Rent((int)size);
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        return _buffer.AsSpan(_length, bytes);
    }
}
