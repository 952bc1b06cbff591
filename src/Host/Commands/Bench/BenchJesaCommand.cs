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
/// assignment solver (n × n and 56 × n integer costs uniform in [0, 1000], n = 2048 by default) beside OR-Tools'
/// LinearSumAssignment on the same n × n matrices (time to add the arcs and to solve, and whether the optima agree), one JESA round (K = 8,
/// M = 2048, 64 hidden states per expert), and the Theorem 1 share of rounds where JESA reaches LB (K = 4, M = 2048).
/// </summary>
internal sealed class BenchJesaCommand : IBenchArea
{
    public Command Build(CliConsole console)
    {
        var json = BenchCommand.JsonOption();
        var rounds = new Option<int>("--rounds") { Description = "Rayleigh rounds of the Theorem 1 check (K = 4, M = 2048).", DefaultValueFactory = _ => 500 };
        var seed = new Option<int>("--seed") { Description = "Seed of every random instance.", DefaultValueFactory = _ => 1 };
        var size = new Option<int>("--assignment-size")
        {
            Description = "n of the n × n assignment timed for ours and OR-Tools' LinearSumAssignment (and the width of the 56 × n one).",
            DefaultValueFactory = _ => 2048,
        };
        var runs = new Option<int>("--assignment-runs") { Description = "Timed runs of the n × n assignment per solver.", DefaultValueFactory = _ => 5 };
        var command = new Command("jesa", "DES, linear assignment and JESA speed, and the Theorem 1 optimality rate.") { json, rounds, seed, size, runs };
        command.SetAction(parse => Execute(
            console, parse.GetValue(json), parse.GetValue(rounds), parse.GetValue(seed), parse.GetValue(size), parse.GetValue(runs)));
        return command;
    }

    private static int Execute(CliConsole console, bool json, int rounds, int seed, int size, int runs)
    {
        if (rounds < 1)
        {
            throw new BadInputException($"--rounds must be ≥ 1, got {rounds}");
        }

        if (size < 1)
        {
            throw new BadInputException($"--assignment-size must be ≥ 1, got {size}");
        }

        if (runs < 1)
        {
            throw new BadInputException($"--assignment-runs must be ≥ 1, got {runs}");
        }

        var report = new BenchReport(console);
        report.Add("des_k64_d4_median_us", DesMicros(64, 4, seed));
        report.Add("des_k256_d8_median_us", DesMicros(256, 8, seed));
        var square = AssignmentMillis(size, size, runs, seed);
        report.Add($"assignment_{size}x{size}_median_ms", square.Ours);
        report.Add($"assignment_ortools_{size}x{size}_add_arcs_median_ms", square.OrToolsAddArcs);
        report.Add($"assignment_ortools_{size}x{size}_solve_median_ms", square.OrToolsSolve);
        report.Add($"assignment_{size}x{size}_same_optimum", square.SameOptimum ? 1 : 0);
        report.Add($"assignment_56x{size}_median_ms", AssignmentMillis(Math.Min(56, size), size, 31, seed, withOrTools: false).Ours);
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

    // Ours (Jonker–Volgenant) and, on the same integer matrices, OR-Tools' LinearSumAssignment: arcs added, then solved.
    private static (double Ours, double OrToolsAddArcs, double OrToolsSolve, bool SameOptimum) AssignmentMillis(
        int rows, int columns, int runs, int seed, bool withOrTools = true)
    {
        var random = new Random(seed);
        var ours = new List<double>();
        var addArcs = new List<double>();
        var solve = new List<double>();
        var same = true;
        for (var run = 0; run < runs; run++)
        {
            var cost = new double[rows * columns];
            for (var k = 0; k < cost.Length; k++)
            {
                cost[k] = random.Next(1001);
            }

            var clock = Stopwatch.StartNew();
            var result = LinearAssignment.Solve(cost, rows, columns);
            ours.Add(clock.Elapsed.TotalMilliseconds);
            if (!withOrTools)
            {
                continue;
            }

            var integral = Array.ConvertAll(cost, c => (long)c);
            clock.Restart();
            using var oracle = new OrToolsLinearAssignment(integral, rows, columns);
            addArcs.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            var reference = oracle.Solve();
            solve.Add(clock.Elapsed.TotalMilliseconds);
            same &= reference.Cost == result.Cost;
        }

        return (Timings.Median(ours), withOrTools ? Timings.Median(addArcs) : double.NaN, withOrTools ? Timings.Median(solve) : double.NaN, same);
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
