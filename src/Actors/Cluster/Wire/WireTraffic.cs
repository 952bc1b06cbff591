namespace EdgeMoE.Actors.Cluster.Wire;

/// <summary>
/// What our serializer wrote and read in this process so far: the bytes and messages that crossed to or from other
/// processes (local messages are never serialized). <c>bench scale</c> and <c>bench remote</c> read it.
/// </summary>
public static class WireTraffic
{
    private static long _bytesWritten;
    private static long _bytesRead;
    private static long _written;
    private static long _read;

    /// <summary>Bytes produced by the serializer (outgoing).</summary>
    public static long BytesWritten => Interlocked.Read(ref _bytesWritten);

    /// <summary>Bytes decoded by the serializer (incoming).</summary>
    public static long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>Objects serialized (outgoing messages and Props arguments).</summary>
    public static long Written => Interlocked.Read(ref _written);

    /// <summary>Objects deserialized (incoming messages and Props arguments).</summary>
    public static long Read => Interlocked.Read(ref _read);

    /// <summary>Counts one object serialized to <paramref name="bytes"/> bytes.</summary>
    public static void CountWritten(int bytes)
    {
        Interlocked.Add(ref _bytesWritten, bytes);
        Interlocked.Increment(ref _written);
    }

    /// <summary>Counts one object deserialized from <paramref name="bytes"/> bytes.</summary>
    public static void CountRead(int bytes)
    {
        Interlocked.Add(ref _bytesRead, bytes);
        Interlocked.Increment(ref _read);
    }
}
