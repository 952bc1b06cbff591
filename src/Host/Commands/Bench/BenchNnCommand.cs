using System.CommandLine;
using System.Diagnostics;
using EdgeMoE.Host.Cli;
using EdgeMoE.Models.Nn;
using TorchSharp;

namespace EdgeMoE.Host.Commands.Bench;

/// <summary>
/// <c>edgemoe bench nn [--json]</c>: SmallCnn training throughput on TorchSharp (batch 128, Adam, images/s; median of 9
/// timed steps after 15 warm-up steps) with 1 and 2 torch intra-op threads.
/// </summary>
internal sealed class BenchNnCommand : IBenchArea
{
    private const int Batch = 128;
    private const int WarmUpSteps = 15;
    private const int TimedSteps = 9;

    public Command Build(CliConsole console)
    {
        var json = BenchCommand.JsonOption();
        var command = new Command("nn", "Measure the networks: SmallCnn training images/s on TorchSharp at 1 and 2 intra-op threads.") { json };
        command.SetAction(parse => Execute(console, parse.GetValue(json)));
        return command;
    }

    private static int Execute(CliConsole console, bool json)
    {
        console.Error.WriteLine($"SmallCnn training on TorchSharp (libtorch {torch.__version__}): batch {Batch}, Adam, 1 and 2 intra-op threads");
        var report = new BenchReport(console);
        report.Add("small_cnn_train_images_per_s", SmallCnnImagesPerSecond(threads: 1));
        report.Add("small_cnn_train_images_per_s_2_threads", SmallCnnImagesPerSecond(threads: 2));
        return report.Finish(json);
    }

    private static double SmallCnnImagesPerSecond(int threads)
    {
        TorchThreads.Set(threads);
        var random = new Random(1);
        using var generator = NetworkSeed.Generator(1, "bench-small-cnn");
        using var model = new SmallCnn(generator);
        var trainer = new ClassifierTrainer(model, new PinnedScalarAdam(model.parameters(), lr: 1e-3));
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
