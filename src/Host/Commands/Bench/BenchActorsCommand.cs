using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using EdgeMoE.Actors.Runtime;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Commands.Bench;

/// <summary>
/// <c>edgemoe bench actors</c>: ping-pong throughput against bare channels, spawn rate, memory per idle actor and ask
/// latency of the actor runtime, all in real time (Stopwatch). Progress goes to stderr, numbers to the last stdout line.
/// </summary>
internal sealed class BenchActorsCommand : IBenchArea
{
    public Command Build(CliConsole console)
    {
        var json = BenchCommand.JsonOption();
        var seconds = new Option<double>("--seconds") { Description = "Length of each ping-pong phase in seconds (> 0).", DefaultValueFactory = _ => 10 };
        var inFlight = new Option<int>("--in-flight") { Description = "Messages bouncing in each ping-pong pair (≥ 1).", DefaultValueFactory = _ => 1000 };
        var actors = new Option<int>("--actors") { Description = "Idle actors spawned for the spawn and memory phase (≥ 1).", DefaultValueFactory = _ => 1_000_000 };
        var command = new Command("actors", "Measure the actor runtime: ping-pong vs bare channels, spawn rate, bytes per idle actor, ask latency.")
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
        console.Error.WriteLine($"ping-pong: {pairs} actor pairs, throughput 100, {inFlight} messages in flight per pair, {seconds:F1} s");
        var actorRate = PingPongBenchmark.MeasureActors(pairs, inFlight, duration);
        console.Error.WriteLine($"  actors:   {actorRate:N0} msg/s");
        var channelRate = PingPongBenchmark.MeasureChannels(pairs, inFlight, duration);
        console.Error.WriteLine($"  channels: {channelRate:N0} msg/s");
        console.Error.WriteLine($"spawning {actorCount:N0} idle actors");
        var (spawnRate, bytesPerActor) = SpawnBenchmark.Measure(actorCount);
        console.Error.WriteLine($"  {spawnRate:N0} actors/s, {bytesPerActor:F0} bytes per idle actor");
        console.Error.WriteLine("ask round trips");
        var askMicros = AskBenchmark.MedianRoundTripMicroseconds(20_000);
        console.Error.WriteLine($"  median {askMicros:F2} µs");

        var result = new Dictionary<string, object>
        {
            ["pingpong_msgs_per_s"] = Math.Round(actorRate),
            ["raw_channel_msgs_per_s"] = Math.Round(channelRate),
            ["pingpong_vs_raw_channel"] = Math.Round(actorRate / channelRate, 3),
            ["spawn_actors_per_s"] = Math.Round(spawnRate),
            ["bytes_per_idle_actor"] = Math.Round(bytesPerActor, 1),
            ["ask_roundtrip_us"] = Math.Round(askMicros, 2),
            ["pairs"] = pairs,
            ["in_flight_per_pair"] = inFlight,
            ["seconds"] = seconds,
            ["idle_actors"] = actorCount,
        };
        if (json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(result));
        }
        else
        {
            foreach (var (key, value) in result)
            {
                console.Out.WriteLine($"{key,-24} {value}");
            }
        }

        return 0;
    }
}
