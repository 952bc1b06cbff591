using Akka.Serialization;
using EdgeMoE.Actors.Cluster.Wire;
using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Actors.Tests.Cluster.Wire;

/// <summary>
/// Our serializer, under our identifier, except that it drops the last byte of an <see cref="EvaluationReport"/> of
/// slot <see cref="CorruptedSlot"/>: a sender whose bytes a receiver with the real serializer cannot read.
/// </summary>
public sealed class TruncatingSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const long CorruptedSlot = 13;

    private readonly EdgeMoeSerializer _real = new(system);

    public override int Identifier => EdgeMoeSerializer.Id;

    public override string Manifest(object o) => _real.Manifest(o);

    public override byte[] ToBinary(object obj)
    {
        var bytes = _real.ToBinary(obj);
        return obj is EvaluationReport { Slot: CorruptedSlot } ? bytes[..^1] : bytes;
    }

    public override object FromBinary(byte[] bytes, string manifest) => _real.FromBinary(bytes, manifest);
}
