using System.CommandLine;
using System.Diagnostics;
using EdgeMoE.Host.Cli;
using EdgeMoE.Policies.Lyapunov;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Host.Commands.Bench;

/// <summary>
/// <c>edgemoe bench policies [--json] [--runs N]</c>: single-thread solve time of every Stable-MoE routing policy on
/// the paper's slot (J = 10, 390 tokens, K = 3) and a large slot (J = 64, 4,096 tokens, K = 2), each run on a fresh
/// seeded synthetic slot (<see cref="SyntheticSlots"/>); reports the median and 90th percentile in milliseconds.
/// Warm-up runs let the tiered JIT reach its optimised code before timing starts.
/// </summary>
internal sealed class BenchPoliciesCommand : IBenchArea
{
    private static readonly TimeSpan MinimumWarmUp = TimeSpan.FromMilliseconds(500);

    private static readonly (string Name, int Experts, int Tokens, int K)[] Sizes =
    [
        ("paper", 10, 390, 3),
        ("large", 64, 4096, 2),
    ];

    public Command Build(CliConsole console)
    {
        var json = BenchCommand.JsonOption();
        var runs = new Option<int>("--runs")
        {
            Description = "Timed runs per policy and size, each on a fresh slot.",
            DefaultValueFactory = _ => 31,
        };
        var warmUp = new Option<int>("--warmup")
        {
            Description = "Untimed runs per policy and size before the timed ones (continued for at least 0.5 s when > 0).",
            DefaultValueFactory = _ => 20,
        };
        var command = new Command("policies", "Solve time of the Stable-MoE routing policies (stable-moe and baselines A–D).") { json, runs, warmUp };
        command.SetAction(parse => Execute(console, parse.GetValue(json), parse.GetValue(runs), parse.GetValue(warmUp)));
        return command;
    }

    private static int Execute(CliConsole console, bool asJson, int runs, int warmUp)
    {
        if (runs < 1)
        {
            throw new BadInputException($"option '--runs' must be ≥ 1, got {runs}");
        }

        if (warmUp < 0)
        {
            throw new BadInputException($"option '--warmup' must be ≥ 0, got {warmUp}");
        }

        var report = new BenchReport(console);
        foreach (var (size, experts, tokens, k) in Sizes)
        {
            console.Error.WriteLine($"{size} slot: J = {experts}, {tokens} tokens, K = {k}");
            foreach (var policy in RoutingPolicyCatalog.All)
            {
                var times = Measure(policy, experts, tokens, k, runs, warmUp);
                report.Add($"{Key(policy.Name)}_{size}_median_ms", Timings.Median(times));
                report.Add($"{Key(policy.Name)}_{size}_p90_ms", Timings.Percentile(times, 0.9));
            }

            CompareP1Solvers(report, size, experts, tokens, k, runs, warmUp);
        }

        return report.Finish(asJson);
    }

    // Both exact P1 solvers on the same slots, interleaved so that load on the machine hits both alike: their
    // medians, and the largest objective gap between them.
    private static void CompareP1Solvers(BenchReport report, string size, int experts, int tokens, int k, int runs, int warmUp)
    {
        var solvers = new[] { new StableMoePolicy(P1Solver.MinCostFlow), new StableMoePolicy(P1Solver.ExchangeSearch) };
        foreach (var solver in solvers)
        {
            Measure(solver, experts, tokens, k, 0, warmUp);
        }

        var times = new[] { new double[runs], new double[runs] };
        var gap = 0.0;
        for (var run = 0; run < runs; run++)
        {
            var slot = SyntheticSlots.PaperScale(new Random(1000 + run), experts, tokens, k);
            var objectives = new double[2];
            for (var s = 0; s < 2; s++)
            {
                var watch = Stopwatch.StartNew();
                objectives[s] = solvers[s].Decide(slot, new Random(run)).Objective;
                times[s][run] = watch.Elapsed.TotalMilliseconds;
            }

            gap = Math.Max(gap, Math.Abs(objectives[0] - objectives[1]));
        }

        report.Add($"p1_min_cost_flow_{size}_median_ms", Timings.Median(times[0]));
        report.Add($"p1_exchange_search_{size}_median_ms", Timings.Median(times[1]));
        report.Add($"p1_{size}_max_objective_gap", gap);
    }

    private static string Key(string policyName) => policyName.Replace('-', '_');

    // Warm-up runs continue for at least MinimumWarmUp so that the tiered JIT has promoted the hot methods.
    private static double[] Measure(IRoutingPolicy policy, int experts, int tokens, int k, int runs, int warmUp)
    {
        var warming = Stopwatch.StartNew();
        for (var run = 0; run < warmUp || (warmUp > 0 && warming.Elapsed < MinimumWarmUp); run++)
        {
            policy.Decide(SyntheticSlots.PaperScale(new Random(run), experts, tokens, k), new Random(run));
        }

        var times = new double[runs];
        for (var run = 0; run < runs; run++)
        {
            var slot = SyntheticSlots.PaperScale(new Random(1000 + run), experts, tokens, k);
            var random = new Random(run);
            var watch = Stopwatch.StartNew();
            policy.Decide(slot, random);
            watch.Stop();
            times[run] = watch.Elapsed.TotalMilliseconds;
        }

        return times;
    }
}
