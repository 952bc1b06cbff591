using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Serialization;

namespace EdgeMoE.Actors.Cluster.Wire;

/// <summary>
/// EdgeMoE's Akka serializer for every message and Props argument that crosses nodes (<see cref="EdgeMoeWire.Formats"/>):
/// a hand-written binary format with short string manifests. Bad bytes fail the one message with a
/// <see cref="SerializationException"/> naming the type and the reason.
/// </summary>
public sealed class EdgeMoeSerializer : SerializerWithStringManifest
{
    /// <summary>The serializer's identifier on the wire (Akka reserves 0–40 for itself; ours is fixed forever).</summary>
    public const int Id = 417;

    private readonly Dictionary<Type, IWireFormat> _byType;
    private readonly Dictionary<string, IWireFormat> _byManifest;

    /// <summary>Created by Akka from akka.actor.serializers.</summary>
    public EdgeMoeSerializer(ExtendedActorSystem system)
        : base(system)
    {
        _byType = EdgeMoeWire.Formats.ToDictionary(f => f.Type);
        _byManifest = EdgeMoeWire.Formats.ToDictionary(f => f.Manifest, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public override int Identifier => Id;

    /// <inheritdoc />
    public override string Manifest(object o) => FormatOf(o).Manifest;

    /// <inheritdoc />
    public override byte[] ToBinary(object obj)
    {
        using var writer = new WireWriter();
        FormatOf(obj).Write(writer, obj);
        var bytes = writer.ToArray();
        WireTraffic.CountWritten(bytes.Length);
        return bytes;
    }

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest)
    {
        if (!_byManifest.TryGetValue(manifest, out var format))
        {
            throw new SerializationException($"EdgeMoE wire: unknown manifest '{manifest}' ({bytes.Length} bytes)");
        }

        WireTraffic.CountRead(bytes.Length);
        var reader = new WireReader(bytes, format.Type.Name, system);
        try
        {
            var value = format.Read(reader);
            reader.EnsureConsumed();
            return value;
        }
        catch (Exception e) when (e is not SerializationException)
        {
            // A record's own constructor may reject decoded values; the message still fails as bad bytes.
            throw reader.Fail($"invalid value ({e.Message})");
        }
    }

    private IWireFormat FormatOf(object o) =>
        _byType.TryGetValue(o.GetType(), out var format)
            ? format
            : throw new SerializationException($"EdgeMoE wire: no wire format for {o.GetType().FullName}");
}
