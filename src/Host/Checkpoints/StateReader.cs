using System.Text;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Checkpoints;

/// <summary>
/// Reads what a <see cref="StateWriter"/> wrote, in the same order. Any mismatch (another section name, bytes ending
/// early, a negative length) is a corrupt checkpoint: a <see cref="BadInputException"/> naming the file and section.
/// </summary>
/// <param name="file">The part's path, for messages.</param>
/// <param name="bytes">The part's content.</param>
public sealed class StateReader(string file, byte[] bytes)
{
    private readonly BinaryReader _reader = new(new MemoryStream(bytes, writable: false), Encoding.UTF8);
    private string _section = "(start)";

    /// <summary>The file this reader reads, for messages.</summary>
    public string File => file;

    /// <summary>Whether every byte was read.</summary>
    public bool AtEnd => _reader.BaseStream.Position == _reader.BaseStream.Length;

    /// <summary>Expects section <paramref name="name"/> here.</summary>
    /// <exception cref="BadInputException">Another section, or none, is here.</exception>
    public StateReader Section(string name)
    {
        var found = Guard(() => _reader.ReadByte() == 0x5E ? _reader.ReadString() : null);
        if (found != name)
        {
            throw Corrupt(found is null ? $"expected section \"{name}\", found no section marker" : $"expected section \"{name}\", found \"{found}\"");
        }

        _section = name;
        return this;
    }

    public bool Bool() => Guard(_reader.ReadBoolean);

    public int Int() => Guard(_reader.ReadInt32);

    public long Long() => Guard(_reader.ReadInt64);

    public ulong ULong() => Guard(_reader.ReadUInt64);

    public double Double() => BitConverter.Int64BitsToDouble(Long());

    public float Float() => BitConverter.Int32BitsToSingle(Int());

    public string String() => Guard(_reader.ReadString);

    public byte[] Bytes()
    {
        var length = Length();
        return Guard(() => _reader.ReadBytes(length) is { } read && read.Length == length ? read : throw new EndOfStreamException());
    }

    public int[] Ints() => Array(Int);

    /// <summary>An int array written by <see cref="StateWriter.VarInts"/>.</summary>
    public int[] VarInts() => Array(() => Guard(_reader.Read7BitEncodedInt));

    public long[] Longs() => Array(Long);

    public ulong[] ULongs() => Array(ULong);

    public double[] Doubles() => Array(Double);

    public float[] Floats() => Array(Float);

    /// <summary>Checks that every byte was read.</summary>
    /// <exception cref="BadInputException">Bytes are left over.</exception>
    public void End()
    {
        if (!AtEnd)
        {
            throw Corrupt($"{_reader.BaseStream.Length - _reader.BaseStream.Position} bytes left over after the last section");
        }
    }

    /// <summary>A corrupt-checkpoint error naming the file and the current section.</summary>
    public BadInputException Corrupt(string what) => new($"{file}: corrupt checkpoint in section \"{_section}\": {what}");

    private T[] Array<T>(Func<T> read)
    {
        var values = new T[Length()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = read();
        }

        return values;
    }

    private int Length()
    {
        var length = Int();
        if (length < 0 || length > _reader.BaseStream.Length - _reader.BaseStream.Position)
        {
            throw Corrupt($"a length of {length} does not fit in the file");
        }

        return length;
    }

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or IOException)
        {
            throw Corrupt("the file ends early");
        }
    }
}
