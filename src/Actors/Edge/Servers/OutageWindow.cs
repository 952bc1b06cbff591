namespace EdgeMoE.Actors.Edge.Servers;

/// <summary>Slots [FromSlot, ToSlot) during which a server is unavailable: it is routed nothing and computes nothing.</summary>
public sealed record OutageWindow(long FromSlot, long ToSlot)
{
    /// <summary>True when <paramref name="slot"/> falls in the window.</summary>
    public bool Covers(long slot) => slot >= FromSlot && slot < ToSlot;
}
