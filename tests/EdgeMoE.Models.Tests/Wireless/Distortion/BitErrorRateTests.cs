using MathNet.Numerics.Distributions;
using EdgeMoE.Models.Wireless.Distortion;

namespace EdgeMoE.Models.Tests.Wireless.Distortion;

public sealed class BitErrorRateTests
{
    [Fact]
    public void Every_modulation_guesses_at_zero_snr_and_is_error_free_at_high_snr()
    {
        foreach (var modulation in Enum.GetValues<Modulation>())
        {
            Assert.Equal(0.5, BitErrorRate.Of(modulation, 0), 12);
            Assert.True(BitErrorRate.Of(modulation, 1e4) < 1e-100);
        }
    }

    [Fact]
    public void Bpsk_and_gray_qpsk_follow_q_functions_by_hand()
    {
        // BPSK at γ = 4: Q(√8) = 2.3389e-3 (Q(2.8284) from the normal table), QPSK at γ = 8 equals it.
        Assert.Equal(2.338867490523634e-3, BitErrorRate.Of(Modulation.Bpsk, 4), 15);
        Assert.Equal(BitErrorRate.Of(Modulation.Bpsk, 4), BitErrorRate.Of(Modulation.Qpsk, 8), 15);
    }

    // Oracle: a symbol-level simulation of each Gray constellation in AWGN, 600,000 bits at seed 21.
    [Theory]
    [InlineData(Modulation.Bpsk, 1.0)]
    [InlineData(Modulation.Qpsk, 4.0)]
    [InlineData(Modulation.Qam16, 10.0)]
    [InlineData(Modulation.Qam16, 40.0)]
    public void Closed_forms_match_a_symbol_level_awgn_simulation(Modulation modulation, double snr)
    {
        var random = new Random(21);
        var bitsPerSymbol = BitErrorRate.BitsPerSymbol(modulation);
        var symbols = 600_000 / bitsPerSymbol;
        long errors = 0;
        for (var s = 0; s < symbols; s++)
        {
            errors += modulation switch
            {
                Modulation.Bpsk => PamErrors(random, 1, snr),
                // Two BPSK quadratures sharing Es: γ/2 each.
                Modulation.Qpsk => PamErrors(random, 1, snr / 2) + PamErrors(random, 1, snr / 2),
                // Two Gray 4-PAM quadratures sharing Es.
                _ => PamErrors(random, 2, snr / 2) + PamErrors(random, 2, snr / 2),
            };
        }

        var measured = errors / (double)(symbols * bitsPerSymbol);
        var expected = BitErrorRate.Of(modulation, snr);
        var fourSigma = 4 * Math.Sqrt(expected * (1 - expected) / (symbols * bitsPerSymbol));
        Assert.InRange(measured, expected - fourSigma, expected + fourSigma);
    }

    // One real dimension: Gray 2-PAM (±1) or 4-PAM (±1, ±3, Gray 00 01 11 10) at per-dimension SNR γ_d = E_d/N0.
    private static int PamErrors(Random random, int bits, double snrPerDimension)
    {
        int[] levels = bits == 1 ? [-1, 1] : [-3, -1, 1, 3];
        int[] gray = bits == 1 ? [0, 1] : [0, 1, 3, 2];
        var energy = bits == 1 ? 1.0 : 5.0;
        var sent = random.Next(levels.Length);
        var noiseDeviation = Math.Sqrt(energy / (2 * snrPerDimension));
        var received = levels[sent] + Normal.Sample(random, 0, noiseDeviation);
        var decided = 0;
        for (var i = 1; i < levels.Length; i++)
        {
            if (Math.Abs(received - levels[i]) < Math.Abs(received - levels[decided]))
            {
                decided = i;
            }
        }

        return System.Numerics.BitOperations.PopCount((uint)(gray[sent] ^ gray[decided]));
    }
}
