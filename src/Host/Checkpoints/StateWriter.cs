using System.Text;

namespace EdgeMoE.Host.Checkpoints;

/// <summary>
/// Writes an actor's or scenario's state as little-endian primitives, in sections a <see cref="StateReader"/> checks by
/// name. Doubles are written as their bits, so a value restores exactly (NaN payloads included).
/// </summary>
public sealed class StateWriter
{
    private readonly MemoryStream _bytes;
    private readonly BinaryWriter _writer;

    /// <summary>A writer whose buffer starts at <paramref name="capacity"/> bytes (a guess of the total saves its regrowth copies).</summary>
    public StateWriter(int capacity = 0)
    {
        _bytes = new MemoryStream(capacity);
        _writer = new BinaryWriter(_bytes, Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>Starts section <paramref name="name"/>; the reader must ask for the same name at the same place.</summary>
    public StateWriter Section(string name)
    {
        _writer.Write((byte)0x5E);
        _writer.Write(name);
        return this;
    }

    public StateWriter Bool(bool value)
    {
        _writer.Write(value);
        return this;
    }

    public StateWriter Int(int value)
    {
        _writer.Write(value);
        return this;
    }

    public StateWriter Long(long value)
    {
        _writer.Write(value);
        return this;
    }

    public StateWriter ULong(ulong value)
    {
        _writer.Write(value);
        return this;
    }

    /// <summary>A double as its 64 bits.</summary>
    public StateWriter Double(double value) => Long(BitConverter.DoubleToInt64Bits(value));

    /// <summary>A float as its 32 bits.</summary>
    public StateWriter Float(float value) => Int(BitConverter.SingleToInt32Bits(value));

    /// <summary>A UTF-8 string, length first.</summary>
    public StateWriter String(string value)
    {
        _writer.Write(value);
        return this;
    }

    /// <summary>A byte array, length first.</summary>
    public StateWriter Bytes(ReadOnlySpan<byte> value)
    {
        _writer.Write(value.Length);
        _writer.Write(value);
        return this;
    }

    public StateWriter Ints(ReadOnlySpan<int> values) => Array(values, Int);

    /// <summary>An int array with each element as a 7-bit varint: 1–3 bytes for the indices of a data set (negatives take 5).</summary>
    public StateWriter VarInts(ReadOnlySpan<int> values)
    {
        _writer.Write(values.Length);
        foreach (var v in values)
        {
            _writer.Write7BitEncodedInt(v);
        }

        return this;
    }

    public StateWriter Longs(ReadOnlySpan<long> values) => Array(values, Long);

    public StateWriter ULongs(ReadOnlySpan<ulong> values) => Array(values, ULong);

    public StateWriter Doubles(ReadOnlySpan<double> values) => Array(values, Double);

    public StateWriter Floats(ReadOnlySpan<float> values) => Array(values, Float);

    /// <summary>An array, length first, each element as <paramref name="one"/> writes it (what <see cref="StateReader"/> reads back).</summary>
    private StateWriter Array<T>(ReadOnlySpan<T> values, Func<T, StateWriter> one)
    {
        _writer.Write(values.Length);
        foreach (var v in values)
        {
            one(v);
        }

        return this;
    }

    /// <summary>Everything written so far.</summary>
    public byte[] ToArray()
    {
        _writer.Flush();
        return _bytes.ToArray();
    }
}
