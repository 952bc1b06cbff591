using EdgeMoE.Actors.Nmoe;
using EdgeMoE.Models.Moe.Federated;
using EdgeMoE.Models.Nn;

namespace EdgeMoE.Actors.Cluster.Wire.Formats;

/// <summary>
/// A remote client's checkpoint messages: the host's request, the client's <see cref="FederatedClientState"/> and its
/// restoration. Each dictionary travels as a count then key/value pairs in its enumeration order, and is rebuilt in that
/// order (ordinal keys, like the client's own), so a state read back enumerates as the one written.
/// </summary>
public static class NmoeStateWire
{
    /// <summary>Writes a <see cref="CaptureClientState"/> (no fields: no bytes).</summary>
    public static void Write(WireWriter w, CaptureClientState m)
    {
    }

    /// <summary>Reads a <see cref="CaptureClientState"/>.</summary>
    public static CaptureClientState ReadCaptureClientState(WireReader r) => new();

    /// <summary>Writes a <see cref="ClientStateCaptured"/>.</summary>
    public static void Write(WireWriter w, ClientStateCaptured m)
    {
        w.WriteVarInt(m.Client);
        Write(w, m.State);
    }

    /// <summary>Reads a <see cref="ClientStateCaptured"/>.</summary>
    public static ClientStateCaptured ReadClientStateCaptured(WireReader r) => new(r.ReadInt(), ReadState(r));

    /// <summary>Writes a <see cref="RestoreClientState"/>.</summary>
    public static void Write(WireWriter w, RestoreClientState m) => Write(w, m.State);

    /// <summary>Reads a <see cref="RestoreClientState"/>.</summary>
    public static RestoreClientState ReadRestoreClientState(WireReader r) => new(ReadState(r));

    /// <summary>
    /// Writes a <see cref="FederatedClientState"/>: generators (xoshiro words as unsigned varints, like an actor's
    /// generator in its snapshot), networks, optimisers, computed arrays, pseudo labels.
    /// </summary>
    public static void Write(WireWriter w, FederatedClientState s)
    {
        WriteMap(w, s.Randoms, WriteWords);
        WriteMap(w, s.Networks, NmoeMessagesWire.Write);
        WriteMap(w, s.Optimisers, Write);
        WriteMap(w, s.Arrays, (ww, values) => ww.WriteFloats(values));
        WriteMap(w, s.PseudoLabels, (ww, labels) => ww.WriteInts(labels));
    }

    /// <summary>Reads a <see cref="FederatedClientState"/>.</summary>
    public static FederatedClientState ReadState(WireReader r) =>
        new(
            ReadMap(r, ReadWords),
            ReadMap(r, NmoeMessagesWire.ReadWeights),
            ReadMap(r, ReadAdam),
            ReadMap(r, rr => rr.ReadFloats()),
            ReadMap(r, rr => rr.ReadInts()));

    /// <summary>Writes an <see cref="AdamSnapshot"/>: the learning rate, then each parameter's step and moments.</summary>
    public static void Write(WireWriter w, AdamSnapshot a)
    {
        w.WriteDouble(a.LearningRate);
        w.WriteCount(a.Parameters.Count);
        foreach (var moments in a.Parameters)
        {
            w.WriteVarInt(moments.Step);
            w.WriteFloats(moments.ExpAvg);
            w.WriteFloats(moments.ExpAvgSq);
        }
    }

    /// <summary>Reads an <see cref="AdamSnapshot"/>.</summary>
    public static AdamSnapshot ReadAdam(WireReader r)
    {
        var learningRate = r.ReadDouble();
        // Each parameter takes a step and two lengths, at least three bytes.
        var parameters = new AdamMoments[r.ReadCount(3)];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = new AdamMoments(r.ReadVarInt(), r.ReadFloats(), r.ReadFloats());
        }

        return new AdamSnapshot(learningRate, parameters);
    }

    private static void WriteWords(WireWriter w, ulong[] words)
    {
        w.WriteCount(words.Length);
        foreach (var word in words)
        {
            w.WriteVarUInt(word);
        }
    }

    private static ulong[] ReadWords(WireReader r)
    {
        var words = new ulong[r.ReadCount()];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = r.ReadVarUInt();
        }

        return words;
    }

    private static void WriteMap<T>(WireWriter w, IReadOnlyDictionary<string, T> map, Action<WireWriter, T> write)
    {
        w.WriteCount(map.Count);
        foreach (var (key, value) in map)
        {
            w.WriteString(key);
            write(w, value);
        }
    }

    private static Dictionary<string, T> ReadMap<T>(WireReader r, Func<WireReader, T> read)
    {
        // Each entry takes a key length and a value of at least one byte. A dictionary only added to enumerates in
        // insertion order, hence in the written order; a repeated key fails the message (Add throws).
        var count = r.ReadCount(2);
        var map = new Dictionary<string, T>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = r.ReadString();
            map.Add(key, read(r));
        }

        return map;
    }
}
