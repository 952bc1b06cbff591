namespace EdgeMoE.Actors.Edge.Channels;

/// <summary>Slots [<paramref name="FromSlot"/>, <paramref name="UntilSlot"/>) in which a link carries bits at <paramref name="Factor"/> times its rate.</summary>
/// <param name="FromSlot">First slow slot (≥ 0).</param>
/// <param name="UntilSlot">First slot back at full rate (<see cref="long.MaxValue"/> for the rest of the run).</param>
/// <param name="Factor">Rate multiplier in (0, 1].</param>
public sealed record RateWindow(long FromSlot, long UntilSlot, double Factor);
