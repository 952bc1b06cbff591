using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Commands.Bench;

/// <summary>
/// <c>edgemoe bench actors</c>: ping-pong throughput of Akka.NET against bare channels, spawn rate, memory per idle
/// actor and ask latency, all in real time (Stopwatch). Progress goes to stderr, numbers to the last stdout line.
/// </summary>
internal sealed class BenchActorsCommand : IBenchArea
{
    public Command Build(CliConsole console)
    {
        var json = BenchCommand.JsonOption();
        var seconds = new Option<double>("--seconds") { Description = "Length of each ping-pong phase in seconds (> 0).", DefaultValueFactory = _ => 4 };
        var inFlight = new Option<int>("--in-flight") { Description = "Messages bouncing in each ping-pong pair (≥ 1).", DefaultValueFactory = _ => 1000 };
        var actors = new Option<int>("--actors") { Description = "Idle actors spawned for the spawn and memory phase (≥ 1).", DefaultValueFactory = _ => 100_000 };
        var command = new Command("actors", "Measure Akka.NET in this process: ping-pong vs bare channels, spawn rate, bytes per idle actor, ask latency.")
        {
            json, seconds, inFlight, actors,
        };
        command.SetAction(parse => Execute(console, parse.GetValue(json), parse.GetValue(seconds), parse.GetValue(inFlight), parse.GetValue(actors)));
        return command;
    }

    private static int Execute(CliConsole console, bool json, double seconds, int inFlight, int actorCount)
    {
        if (!(seconds > 0) || double.IsInfinity(seconds))
        {
            throw new BadInputException($"--seconds must be a positive number of seconds (was {seconds.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (inFlight < 1)
        {
            throw new BadInputException($"--in-flight must be ≥ 1 (was {inFlight}).");
        }

        if (actorCount < 1)
        {
            throw new BadInputException($"--actors must be ≥ 1 (was {actorCount}).");
        }

        var pairs = 2 * Environment.ProcessorCount;
        var duration = TimeSpan.FromSeconds(seconds);
        var report = new BenchReport(console);
        report.Add("pairs", pairs);
        report.Add("in_flight_per_pair", inFlight);
        report.Add("seconds", seconds);
        report.Add("idle_actors", actorCount);
        console.Error.WriteLine($"ping-pong: {pairs} Akka.NET actor pairs, fork-join dispatcher, throughput {BenchActorSystem.Throughput}, {inFlight} messages in flight per pair, {seconds:F1} s each");
        var actorRate = PingPongBenchmark.MeasureActors(pairs, inFlight, duration);
        report.Add("pingpong_msgs_per_s", Math.Round(actorRate));
        var channelRate = PingPongBenchmark.MeasureChannels(pairs, inFlight, duration);
        report.Add("raw_channel_msgs_per_s", Math.Round(channelRate));
        report.Add("pingpong_vs_raw_channel", Math.Round(actorRate / channelRate, 3));
        var (spawnRate, bytesPerActor) = SpawnBenchmark.Measure(actorCount);
        report.Add("spawn_actors_per_s", Math.Round(spawnRate));
        report.Add("bytes_per_idle_actor", Math.Round(bytesPerActor, 1));
        report.Add("ask_roundtrip_us", Math.Round(AskBenchmark.MedianRoundTripMicroseconds(20_000), 2));
        return report.Finish(json);
    }
}
