using System.Diagnostics;
using EdgeMoE.Models.Nn;
using TorchSharp;

namespace EdgeMoE.Benchmarks;

/// <summary>
/// Exposes TorchSharp 0.107's fan-in race: a convolution's reset_parameters (and init.CalculateFanInAndFanOut) read
/// <c>weight[0, 0].NumberOfElements</c> from a temporary view nothing references, so a collection can free it during
/// THSTensor_numel. Worker threads build 6→16, 5×5 convolutions and ask their fan-in (150) while one thread forces
/// collections and runs finalizers; <c>torch</c> builds with nn.Conv2d and asks outside a dispose scope,
/// <c>scoped</c> uses ScopedConvolution and asks inside one. Prints wrong fan-ins; a freed view read as a segfault ends
/// the process (exit 139) after the last progress line.
/// </summary>
/// <remarks><c>dotnet run -c Release --project tests/EdgeMoE.Benchmarks -- conv-race torch|scoped [seconds = 30] [workers = 3]</c>.</remarks>
internal static class ConvFanInRaceExperiment
{
    private const long ExpectedFanIn = 6 * 5 * 5;

    public static void Run(string[] args)
    {
        var (variant, seconds, workers) = RaceArguments.Parse("conv-race", args, "torch", "scoped");
        long layers = 0, wrong = 0, collections = 0;
        var clock = Stopwatch.StartNew();
        bool KeepGoing() => clock.Elapsed.TotalSeconds < seconds;
        var threads = Enumerable.Range(0, workers).Select(_ => new Thread(() =>
        {
            torch.set_num_threads(1);
            while (KeepGoing())
            {
                if (OneLayer(variant) != ExpectedFanIn)
                {
                    Interlocked.Increment(ref wrong);
                }

                Interlocked.Increment(ref layers);
            }
        })).ToList();
        var collector = new Thread(() =>
        {
            var next = 1.0;
            while (KeepGoing())
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                collections++;
                if (clock.Elapsed.TotalSeconds >= next)
                {
                    Console.WriteLine($"{variant}: {next:0} s, {Interlocked.Read(ref layers):N0} layers, {Interlocked.Read(ref wrong)} wrong fan-ins");
                    next++;
                }
            }
        });
        collector.Start();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        collector.Join();
        Console.WriteLine($"{variant}: {workers} workers, {seconds} s, {layers:N0} layers built, {collections:N0} forced collections, {wrong} wrong fan-ins, no crash");
    }

    private static long OneLayer(string variant)
    {
        if (variant == "torch")
        {
            using var layer = torch.nn.Conv2d(6, 16, 5);
            return torch.nn.init.CalculateFanInAndFanOut(layer.weight).fanIn;
        }

        using var scoped = ScopedConvolution.Conv2d(6, 16, 5);
        using var scope = torch.NewDisposeScope();
        return torch.nn.init.CalculateFanInAndFanOut(scoped.weight).fanIn;
    }
}
