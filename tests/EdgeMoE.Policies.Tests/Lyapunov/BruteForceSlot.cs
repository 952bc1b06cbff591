using EdgeMoE.Models.Compute;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Policies.Tests.Lyapunov;

/// <summary>
/// The oracle for P1: every routing (each token any K'-subset of the available experts) and, per expert, every
/// frequency that matters — k·c/τ for every capacity k ≤ ⌊τ·f_max/c⌋, and f_max itself (any other frequency has the
/// capacity of the grid point below it at more energy) — keeping those with E ≤ E_max. Written from the paper's
/// equations, independently of the solver's reasoning about concavity.
/// </summary>
internal static class BruteForceSlot
{
    public static double Optimum(SlotInstance slot)
    {
        var available = Enumerable.Range(0, slot.ExpertCount).Where(j => slot.Experts[j].Available).ToArray();
        var subsets = Subsets(available, slot.ExpertsPerTokenServed).ToArray();
        var bestExpert = new Dictionary<(int, long), double>();
        var routed = new long[slot.ExpertCount];
        var choice = new int[slot.TokenCount];
        var best = double.NegativeInfinity;
        while (true)
        {
            Array.Clear(routed);
            var gating = 0.0;
            for (var i = 0; i < slot.TokenCount; i++)
            {
                foreach (var j in subsets[choice[i]])
                {
                    routed[j]++;
                    gating += slot.Scores[i, j];
                }
            }

            var value = slot.TradeOff * slot.GatingWeight * gating;
            for (var j = 0; j < slot.ExpertCount; j++)
            {
                if (!bestExpert.TryGetValue((j, routed[j]), out var term))
                {
                    term = BestExpertTerm(slot, j, routed[j]);
                    bestExpert[(j, routed[j])] = term;
                }

                value += term;
            }

            best = Math.Max(best, value);
            if (!Next(choice, subsets.Length))
            {
                return best;
            }
        }
    }

    private static double BestExpertTerm(SlotInstance slot, int j, long routed)
    {
        var e = slot.Experts[j];
        var frequencies = new List<double> { 0 };
        if (e.Available)
        {
            var top = StableMoeCompute.Capacity(slot.SlotSeconds, e.MaxFrequencyHz, slot.CyclesPerToken);
            for (var k = 1; k <= top; k++)
            {
                frequencies.Add(Math.Min(k * slot.CyclesPerToken / slot.SlotSeconds, e.MaxFrequencyHz));
            }

            frequencies.Add(e.MaxFrequencyHz);
        }

        var best = double.NegativeInfinity;
        foreach (var f in frequencies)
        {
            var capacity = StableMoeCompute.Capacity(slot.SlotSeconds, f, slot.CyclesPerToken);
            var done = Math.Min(e.TokenBacklog + routed, capacity);
            var energy = done == 0 ? 0 : e.SwitchedCapacitance * slot.CyclesPerToken * done * f * f;
            if (energy > e.MaxEnergyJoules)
            {
                continue;
            }

            var value = (slot.TradeOff * Math.Log(1 + done)) - (e.TokenBacklog * (double)(routed - done))
                - (e.EnergyBacklog * (energy - e.AverageEnergyJoules));
            best = Math.Max(best, value);
        }

        return best;
    }

    private static IEnumerable<int[]> Subsets(int[] items, int size)
    {
        if (size == 0)
        {
            yield return [];
            yield break;
        }

        for (var first = 0; first <= items.Length - size; first++)
        {
            foreach (var rest in Subsets(items[(first + 1)..], size - 1))
            {
                yield return [items[first], .. rest];
            }
        }
    }

    private static bool Next(int[] digits, int radix)
    {
        for (var n = 0; n < digits.Length; n++)
        {
            if (++digits[n] < radix)
            {
                return true;
            }

            digits[n] = 0;
        }

        return false;
    }
}
