namespace EdgeMoE.Models.Wireless.Channel;

/// <summary>Price of sending a payload over a link in one slot (JESA eqs. 2–3).</summary>
/// <param name="RateBitsPerSecond">R, sum rate of the assigned subcarriers (bit/s).</param>
/// <param name="Seconds">Transmission latency s/R (s; infinite when R = 0 and s &gt; 0).</param>
/// <param name="Joules">Communication energy (s/R)·n·P0 (J; infinite when the payload cannot be delivered).</param>
/// <param name="EffectiveSnr">The single AWGN SNR that yields the same rate over the n subcarriers, 2^(R/(n·B0)) − 1 (linear).</param>
public sealed record TransmissionCost(double RateBitsPerSecond, double Seconds, double Joules, double EffectiveSnr);
