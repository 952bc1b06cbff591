namespace EdgeMoE.Host.Tests.Cluster;

/// <summary>A clock stopped at one instant, to judge certificates at chosen dates.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
