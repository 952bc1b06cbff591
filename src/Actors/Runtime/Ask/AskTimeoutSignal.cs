namespace EdgeMoE.Actors.Runtime;

/// <summary>What an ask's timeout timer delivers to its promise.</summary>
internal sealed record AskTimeoutSignal
{
    public static AskTimeoutSignal Instance { get; } = new();
}
