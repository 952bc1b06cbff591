using EdgeMoE.Actors.Randomness;

namespace EdgeMoE.Actors.Cluster.Wire.Formats;

/// <summary><see cref="ActorSeed"/> on the wire: the run seed as an unsigned varint and the stable name.</summary>
public static class ActorSeedWire
{
    /// <summary>Writes the seed.</summary>
    public static void Write(WireWriter w, ActorSeed s)
    {
        w.WriteVarUInt(s.RunSeed);
        w.WriteString(s.StableName);
    }

    /// <summary>Reads the seed.</summary>
    public static ActorSeed Read(WireReader r) => new(r.ReadVarUInt(), r.ReadString());
}
