using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EdgeMoE.Actors.Cluster.Wire;
using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Cluster;
using EdgeMoE.Host.Commands.Bench.Remote;
using EdgeMoE.Host.Settings;

namespace EdgeMoE.Host.Commands.Bench;

/// <summary>
/// <c>edgemoe bench remote</c>: token-dispatch payload throughput from this process to one local edge node over
/// TLS with our serializer, as in a Stable-MoE slot (117 tokens of 784 floats per dispatch), with a bounded window of
/// dispatches in flight; reports MB/s of payload and dispatches per second, medians of three rounds.
/// </summary>
internal sealed class BenchRemoteCommand : IBenchArea
{
    private const int Tokens = 117;
    private const int TokenFloats = 784;
    private const int Rounds = 3;

    public Command Build(CliConsole console)
    {
        var json = BenchCommand.JsonOption();
        var seconds = new Option<double>("--seconds") { Description = "Length of each of the three rounds in seconds (> 0).", DefaultValueFactory = _ => 3 };
        // 16 in flight: a slot of one 10-server cell already sends 10 dispatches at once, and a node hosts several cells.
        var window = new Option<int>("--window") { Description = "Dispatches in flight, unacknowledged (≥ 1; default 16).", DefaultValueFactory = _ => 16 };
        var command = new Command("remote", "Measure token-dispatch payload throughput to a local edge node over TLS (MB/s).")
        {
            json, seconds, window,
        };
        command.SetAction(parse => Execute(console, parse.GetValue(json), parse.GetValue(seconds), parse.GetValue(window)));
        return command;
    }

    private static int Execute(CliConsole console, bool json, double seconds, int window)
    {
        if (!(seconds > 0) || double.IsInfinity(seconds))
        {
            throw new BadInputException($"--seconds must be a positive number of seconds (was {seconds.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (window < 1)
        {
            throw new BadInputException($"--window must be ≥ 1 (was {window}).");
        }

        var settings = SettingsLoader.Load(ReferenceConfig.Shipped);
        var payload = Payload();
        var payloadBytes = payload.Pixels.Length * sizeof(float);
        var report = new BenchReport(console);
        report.Add("payload_bytes_per_dispatch", payloadBytes);
        report.Add("window", window);
        report.Add("seconds", seconds);
        using var cluster = ClusterRun.Start(new ClusterOptions.Given(null, null, null, null, null), 1, settings, Environment.ProcessorCount, console.Error)!;
        var progress = new StreamProgress();
        var (written, bytesWritten) = (WireTraffic.Written, WireTraffic.BytesWritten);
        using (cluster.Site.Start("bench-remote", placement => DispatchStreamActor.Props(placement, payload, window, progress)))
        {
            var duration = TimeSpan.FromSeconds(seconds);
            using var pause = new ManualResetEventSlim();
            var patience = Stopwatch.StartNew();
            while (progress.Count == 0 && patience.Elapsed < TimeSpan.FromSeconds(60))
            {
                pause.Wait(TimeSpan.FromMilliseconds(10));
            }

            if (progress.Count == 0)
            {
                throw new InvalidOperationException("bench remote: the edge node acknowledged no dispatch within 60 s");
            }

            // Warm-up: connections, buffers and tiered JIT settle before the rounds.
            pause.Wait(duration / 10 > TimeSpan.FromSeconds(1) ? duration / 10 : TimeSpan.FromSeconds(1));
            var rates = new double[Rounds];
            for (var r = 0; r < Rounds; r++)
            {
                var start = progress.Count;
                var clock = Stopwatch.StartNew();
                pause.Wait(duration);
                rates[r] = (progress.Count - start) / clock.Elapsed.TotalSeconds;
                console.Error.WriteLine($"round {r + 1}: {rates[r]:F0} dispatches/s, {rates[r] * payloadBytes / 1e6:F1} MB/s of payload");
            }

            var median = Timings.Median(rates);
            report.Add("mb_per_s", Math.Round(median * payloadBytes / 1e6, 1));
            report.Add("dispatches_per_s", Math.Round(median, 1));
            var sent = WireTraffic.Written - written;
            report.Add("wire_bytes_per_dispatch", sent > 0 ? Math.Round((WireTraffic.BytesWritten - bytesWritten) / (double)sent) : double.NaN);
        }

        return report.Finish(json);
    }

    /// <summary>One server's tokens of a Stable-MoE slot: 117 Fashion-MNIST-sized images (K·λ/J = 3·390/10).</summary>
    private static TokenDispatch Payload()
    {
        var random = Scenarios.DerivedSeeds.For(1, "bench-remote-payload");
        var pixels = new float[Tokens * TokenFloats];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = random.NextSingle();
        }

        return new TokenDispatch(0, 0, [.. Enumerable.Range(0, Tokens).Select(i => (long)i)], [.. Enumerable.Range(0, Tokens)], pixels, 3e9, TimeSpan.Zero);
    }
}
