namespace EdgeMoE.Actors.Cluster.Wire;

/// <summary>An <see cref="IWireFormat"/> made of a write and a read function for <typeparamref name="T"/>.</summary>
public sealed class WireFormat<T>(string manifest, Action<WireWriter, T> write, Func<WireReader, T> read) : IWireFormat
    where T : class
{
    /// <inheritdoc />
    public Type Type => typeof(T);

    /// <inheritdoc />
    public string Manifest => manifest;

    /// <inheritdoc />
    public void Write(WireWriter writer, object value) => write(writer, (T)value);

    /// <inheritdoc />
    public object Read(WireReader reader) => read(reader);
}

/// <summary>Creates <see cref="WireFormat{T}"/> entries with the type inferred from the functions.</summary>
public static class WireFormat
{
    /// <summary>The format of <typeparamref name="T"/> under <paramref name="manifest"/>.</summary>
    public static IWireFormat Of<T>(string manifest, Action<WireWriter, T> write, Func<WireReader, T> read)
        where T : class => new WireFormat<T>(manifest, write, read);
}
