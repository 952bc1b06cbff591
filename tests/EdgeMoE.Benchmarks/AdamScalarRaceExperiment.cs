using System.Collections.Concurrent;
using System.Diagnostics;
using EdgeMoE.Models.Nn;
using TorchSharp;
using TorchSharp.Modules;

namespace EdgeMoE.Benchmarks;

/// <summary>
/// Exposes TorchSharp 0.107's Adam Scalar race (dotnet/TorchSharp PRs #1434, #1496): worker threads call step() on a tiny
/// parameter as fast as they can (a fixed gradient, so nearly all time goes into passing Scalars to libtorch) while one
/// thread forces collections and runs finalizers. Counts exceptions and runs whose result differs from a quiet run.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project tests/EdgeMoE.Benchmarks -- adam-race torch|pinned [seconds = 30] [workers = 3] [quiet]</c>;
/// <c>quiet</c> forces no collections (a speed comparison). Measured here (2 shared cores, 30 s, 3 workers): torch 838
/// exceptions in 0.65 M steps (98 "Unknown scalar type", 740 "Expected false to be true"); pinned none in 1.3 M steps.
/// </remarks>
internal static class AdamScalarRaceExperiment
{
    private const int StepsPerRun = 2000;

    public static void Run(string[] args)
    {
        var (variant, seconds, workers) = RaceArguments.Parse("adam-race", args, "torch", "pinned");
        var collect = args.Length <= 3 || args[3] != "quiet";
        var tally = new Tally();

        float[] expected = [];
        var quiet = new Thread(() => expected = OneRun(variant, new Tally()).Result);
        quiet.Start();
        quiet.Join();

        var clock = Stopwatch.StartNew();
        bool KeepGoing() => clock.Elapsed.TotalSeconds < seconds;
        var threads = Enumerable.Range(0, workers).Select(_ => new Thread(() =>
        {
            while (KeepGoing())
            {
                var (result, failed) = OneRun(variant, tally);
                if (!failed && !result.SequenceEqual(expected))
                {
                    Interlocked.Increment(ref tally.WrongResults);
                }
            }
        })).ToList();
        var collector = new Thread(() =>
        {
            while (collect && KeepGoing())
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                tally.Collections++;
            }
        });
        collector.Start();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        collector.Join();

        Console.WriteLine($"{variant}: {workers} workers, {seconds} s, {tally.Steps:N0} completed Adam steps, {tally.Collections:N0} forced collections, "
            + $"{tally.Failures.Count} exceptions, {tally.WrongResults} runs of {StepsPerRun} steps without an exception but with a wrong result");
        foreach (var group in tally.Failures.GroupBy(f => f))
        {
            Console.WriteLine($"  {group.Count()} x {group.Key}");
        }
    }

    private static (float[] Result, bool Failed) OneRun(string variant, Tally tally)
    {
        torch.set_num_threads(1);
        using var parameter = new Parameter(torch.linspace(-1, 1, 4));
        using (var gradient = torch.linspace(0.5, -0.25, 4))
        {
            parameter.grad = gradient.clone();
        }

        using var optimizer = variant == "pinned" ? new PinnedScalarAdam([parameter], lr: 1e-3) : torch.optim.Adam([parameter], lr: 1e-3);
        var failed = false;
        var steps = 0;
        try
        {
            for (; steps < StepsPerRun; steps++)
            {
                optimizer.step();
            }
        }
        catch (System.Runtime.InteropServices.ExternalException e)
        {
            tally.Failures.Enqueue(e.Message.Split('\n')[0]);
            failed = true;
        }

        Interlocked.Add(ref tally.Steps, steps);
        using var values = parameter.detach();
        return (values.data<float>().ToArray(), failed);
    }

    private sealed class Tally
    {
        public long Steps;
        public long WrongResults;
        public long Collections;

        public ConcurrentQueue<string> Failures { get; } = new();
    }
}
