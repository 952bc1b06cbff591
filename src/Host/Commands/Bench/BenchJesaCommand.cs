using System.CommandLine;
using System.Diagnostics;
using EdgeMoE.Host.Cli;
using EdgeMoE.Policies.Assignment;
using EdgeMoE.Policies.Jesa;
using EdgeMoE.Policies.Jesa.Instances;
using EdgeMoE.Policies.Jesa.Schemes;
using EdgeMoE.Policies.Jesa.Selection;

namespace EdgeMoE.Host.Commands.Bench;

/// <summary>
/// <c>edgemoe bench jesa</c>: medians of DES per hidden state (K = 64, D = 4 and K = 256, D = 8, Dirichlet(1) scores,
/// paper energies, thresholds drawn in [0.5, 0.95] of the Top-D score so that every instance is feasible), the
/// assignment solver (2048 × 2048 and 56 × 2048 integer costs uniform in [0, 1000]), one JESA round (K = 8,
/// M = 2048, 64 hidden states per expert), and the Theorem 1 share of rounds where JESA reaches LB (K = 4, M = 2048).
/// </summary>
internal sealed class BenchJesaCommand : IBenchArea
{
    public Command Build(CliConsole console)
    {
        var json = BenchCommand.JsonOption();
        var rounds = new Option<int>("--rounds") { Description = "Rayleigh rounds of the Theorem 1 check (K = 4, M = 2048).", DefaultValueFactory = _ => 500 };
        var seed = new Option<int>("--seed") { Description = "Seed of every random instance.", DefaultValueFactory = _ => 1 };
        var command = new Command("jesa", "DES, linear assignment and JESA speed, and the Theorem 1 optimality rate.") { json, rounds, seed };
        command.SetAction(parse => Execute(console, parse.GetValue(json), parse.GetValue(rounds), parse.GetValue(seed)));
        return command;
    }

    private static int Execute(CliConsole console, bool json, int rounds, int seed)
    {
        if (rounds < 1)
        {
            throw new BadInputException($"--rounds must be ≥ 1, got {rounds}");
        }

        var report = new BenchReport(console);
        report.Add("des_k64_d4_median_us", DesMicros(64, 4, seed));
        report.Add("des_k256_d8_median_us", DesMicros(256, 8, seed));
        report.Add("assignment_2048x2048_median_ms", AssignmentMillis(2048, 2048, 5, seed));
        report.Add("assignment_56x2048_median_ms", AssignmentMillis(56, 2048, 31, seed));
        report.Add("jesa_k8_m2048_n64_median_ms", JesaMillis(seed));
        var (reached, iterations) = TheoremOne(rounds, seed);
        report.Add("theorem1_k4_m2048_rounds", rounds);
        report.Add("theorem1_reached_lb_share", reached);
        report.Add("theorem1_bound", TheoremOneBound(4, 2048));
        report.Add("theorem1_mean_iterations", iterations);
        return report.Finish(json);
    }

    /// <summary>Median over batches of 64 hidden states of the time per hidden state, µs.</summary>
    private static double DesMicros(int experts, int maxExperts, int seed)
    {
        var random = new Random(seed);
        var network = PaperRound.Network(experts, 1, random);
        var energies = Enumerable.Range(0, experts).Select(j => network.HiddenStateEnergy(0, j, network.Rate(0, j, 0))).ToArray();
        var scores = PaperRound.Scores(experts, 2560 / experts, 1.0, random).SelectMany(states => states).ToArray();
        var thresholds = scores.Select(g => g.OrderDescending().Take(maxExperts).Sum() * (0.5 + (0.45 * random.NextDouble()))).ToArray();
        var des = new DynamicExpertSelection();
        var batches = new List<double>();
        for (var start = 0; start < scores.Length; start += 64)
        {
            var clock = Stopwatch.StartNew();
            for (var n = start; n < start + 64; n++)
            {
                des.Solve(scores[n], energies, thresholds[n], maxExperts);
            }

            batches.Add(clock.Elapsed.TotalMicroseconds / 64);
        }

        return Timings.Median(batches.Skip(4));
    }

    private static double AssignmentMillis(int rows, int columns, int runs, int seed)
    {
        var random = new Random(seed);
        var times = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var cost = new double[rows * columns];
            for (var k = 0; k < cost.Length; k++)
            {
                cost[k] = random.Next(1001);
            }

            var clock = Stopwatch.StartNew();
            LinearAssignment.Solve(cost, rows, columns);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return Timings.Median(times);
    }

    private static double JesaMillis(int seed)
    {
        var times = new List<double>();
        for (var run = 0; run < 11; run++)
        {
            var problem = PaperRound.Problem(8, 2048, 64, 0.5, 2, seed + run);
            var clock = Stopwatch.StartNew();
            JesaSolver.Solve(problem, seed + run);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return Timings.Median(times.Skip(1));
    }

    /// <summary>Share of Rayleigh rounds (K = 4, M = 2048, 8 hidden states each, threshold 0.6, D = 2) where JESA's energy equals LB's.</summary>
    private static (double Share, double MeanIterations) TheoremOne(int rounds, int seed)
    {
        var reached = 0;
        var iterations = 0;
        for (var round = 0; round < rounds; round++)
        {
            var problem = PaperRound.Problem(4, 2048, 8, 0.6, 2, seed + round);
            var jesa = JesaSolver.Solve(problem, seed + round);
            var bound = LowerBound.Solve(problem);
            reached += jesa.EnergyJ <= bound.EnergyJ * (1 + 1e-9) ? 1 : 0;
            iterations += jesa.Iterations;
        }

        return ((double)reached / rounds, (double)iterations / rounds);
    }

    /// <summary>Π_{i &lt; K(K−1)} (M − i) / M, eq. 13.</summary>
    private static double TheoremOneBound(int experts, int subcarriers)
    {
        var bound = 1.0;
        for (var i = 0; i < experts * (experts - 1); i++)
        {
            bound *= (double)(subcarriers - i) / subcarriers;
        }

        return bound;
    }
}
