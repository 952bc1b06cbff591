namespace EdgeMoE.Actors.Runtime;

/// <summary>What the system's clock delivers to the promise of a <c>Context.Delay</c>.</summary>
internal sealed record DelayElapsed
{
    public static DelayElapsed Instance { get; } = new();
}
