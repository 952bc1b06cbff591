using System.CommandLine;
using System.Diagnostics;
using EdgeMoE.Host.Cli;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Optim;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Host.Commands.Bench;

/// <summary>
/// <c>edgemoe bench nn [--json]</c>: single-thread GEMM throughput at 256³, 512³ and 1024³ (GFLOP/s)
/// and SmallCnn training throughput (batch 128, Adam, images/s; median of 9 timed steps after 15 warm-up steps,
/// which let the JIT reach its optimised tier).
/// </summary>
internal sealed class BenchNnCommand : IBenchArea
{
    private const int Batch = 128;
    private const int WarmUpSteps = 15;
    private const int TimedSteps = 9;

    public Command Build(CliConsole console)
    {
        var json = BenchCommand.JsonOption();
        var command = new Command("nn", "Measure the tensor engine: GEMM GFLOP/s and SmallCnn training images/s (single thread).") { json };
        command.SetAction(parse => Execute(console, parse.GetValue(json)));
        return command;
    }

    private static int Execute(CliConsole console, bool json)
    {
        console.Error.WriteLine($"GEMM kernel: {Gemm.BestAvailable}; SmallCnn training: batch {Batch}, Adam, single thread");
        var report = new BenchReport(console);
        foreach (var n in new[] { 256, 512, 1024 })
        {
            report.Add($"gemm_gflops_{n}", GemmGflops(n));
        }

        report.Add("small_cnn_train_images_per_s", SmallCnnImagesPerSecond());
        return report.Finish(json);
    }

    private static double GemmGflops(int n)
    {
        var random = new Random(n);
        var a = Enumerable.Range(0, n * n).Select(_ => (float)random.NextDouble()).ToArray();
        var b = Enumerable.Range(0, n * n).Select(_ => (float)random.NextDouble()).ToArray();
        var c = new float[n * n];
        Gemm.Multiply(false, false, n, n, n, a, n, b, n, c, n);
        var flops = 2.0 * n * n * n;
        var repetitions = Math.Max(7, (int)(4e9 / flops));
        var times = new List<double>();
        for (var r = 0; r < repetitions; r++)
        {
            var watch = Stopwatch.StartNew();
            Gemm.Multiply(false, false, n, n, n, a, n, b, n, c, n);
            times.Add(watch.Elapsed.TotalSeconds);
        }

        return flops / Timings.Median(times) / 1e9;
    }

    private static double SmallCnnImagesPerSecond()
    {
        var random = new Random(1);
        var model = new SmallCnn(random);
        var trainer = new ClassifierTrainer(model, new Adam(model.Parameters(), new Adam.Options(LearningRate: 1e-3f)));
        var pixels = Enumerable.Range(0, Batch * 28 * 28).Select(_ => (float)random.NextDouble()).ToArray();
        var labels = Enumerable.Range(0, Batch).Select(_ => random.Next(10)).ToArray();
        var times = new List<double>();
        for (var step = 0; step < WarmUpSteps + TimedSteps; step++)
        {
            var watch = Stopwatch.StartNew();
            trainer.Step(pixels, labels, 1, 28, 28);
            if (step >= WarmUpSteps)
            {
                times.Add(watch.Elapsed.TotalSeconds);
            }
        }

        return Batch / Timings.Median(times);
    }
}
