namespace EdgeMoE.Host.Commands.Bench.Remote;

/// <summary>Dispatches acknowledged so far, written by the stream actor and read by the measuring thread.</summary>
internal sealed class StreamProgress
{
    private long _acknowledged;

    /// <summary>Dispatches acknowledged by the sink so far.</summary>
    public long Count => Interlocked.Read(ref _acknowledged);

    /// <summary>Counts one acknowledgement.</summary>
    public void Acknowledged() => Interlocked.Increment(ref _acknowledged);
}
