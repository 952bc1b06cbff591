namespace EdgeMoE.Actors.Cluster.Wire;

/// <summary>How one type travels: its short manifest and its hand-written encoding.</summary>
public interface IWireFormat
{
    /// <summary>The type encoded (bound to the EdgeMoE serializer exactly, not its subclasses).</summary>
    Type Type { get; }

    /// <summary>The short string that names the type on the wire.</summary>
    string Manifest { get; }

    /// <summary>Appends <paramref name="value"/> (an instance of <see cref="Type"/>).</summary>
    void Write(WireWriter writer, object value);

    /// <summary>Reads one instance; the caller checks that no bytes are left.</summary>
    object Read(WireReader reader);
}
