using EdgeMoE.Policies.Jesa.Allocation;

namespace EdgeMoE.Policies.Jesa.Schemes;

/// <summary>The LB scheme's computation: DES with each link on the subcarrier of its highest rate, shared freely.</summary>
public static class LowerBound
{
    /// <summary>The relaxed allocation; <see cref="JesaSolution.SubcarrierOfLink"/> may repeat subcarriers.</summary>
    public static JesaSolution Solve(JesaProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var network = problem.Network;
        network.Validate();
        var k = network.Experts;
        var best = SubcarrierAllocation.Unassigned(k);
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                if (i != j && network.Subcarriers > 0)
                {
                    var rates = network.LinkRates(i, j);
                    var top = 0;
                    for (var s = 1; s < rates.Length; s++)
                    {
                        top = rates[s] > rates[top] ? s : top;
                    }

                    best[(i * k) + j] = top;
                }
            }
        }

        var (selection, fallbacks) = HiddenStateSelection.Solve(problem, (i, j) => network.Rate(i, j, best[(i * k) + j]));
        var traffic = RoundEnergy.Traffic(k, selection);
        var (comm, comp) = RoundEnergy.Of(network, traffic, (i, j) => network.Rate(i, j, best[(i * k) + j]));
        return new JesaSolution(selection, JesaSolver.Report(k, traffic, best), comm, comp, 1, true, fallbacks, [comm + comp]);
    }
}
