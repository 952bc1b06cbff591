namespace EdgeMoE.Models.Wireless.Channel;

/// <summary>The channel of one slot: the gains the physics applies and the gains the transmitter believes (CSI).</summary>
/// <param name="Slot">Slot index, from 0.</param>
/// <param name="Actual">True gains: use them for rates actually achieved and for distortion.</param>
/// <param name="Estimated">CSI-estimated gains: use them for decisions (routing, subcarrier allocation, gating input).</param>
public sealed record ChannelRealisation(long Slot, GainTable Actual, GainTable Estimated);
