using System.CommandLine;
using System.Diagnostics;
using EdgeMoE.Actors.Cluster.Wire;
using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Cluster;
using EdgeMoE.Host.Commands.Bench.Scale;
using EdgeMoE.Host.Scenarios;
using EdgeMoE.Host.Settings;
using EdgeMoE.Models.Nn;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Host.Commands.Bench;

/// <summary>
/// <c>edgemoe bench scale --servers N</c>: N expert servers as N/10 independent Stable-MoE cells with tiny MLP experts
/// (<see cref="ScaleCellPlan"/>), in this process or on <c>--local-nodes M</c> edge-node processes; reports slot wall
/// time, messages and bytes per slot, and memory per server.
/// </summary>
internal sealed class BenchScaleCommand : IBenchArea
{
    public Command Build(CliConsole console)
    {
        var json = BenchCommand.JsonOption();
        var servers = new Option<int>("--servers") { Description = "Expert servers to emulate, a multiple of 10 (10 per cell).", Required = true };
        var localNodes = new Option<int?>("--local-nodes") { Description = "Run the servers and links on M edge-node processes started on loopback." };
        var slots = new Option<int>("--slots") { Description = "Slots to run (≥ 1).", DefaultValueFactory = _ => 3 };
        var command = new Command("scale", "Emulate N expert servers as N/10 Stable-MoE cells: slot wall time, messages, bytes and memory per server.")
        {
            json, servers, localNodes, slots,
        };
        command.SetAction(parse => Execute(console, parse.GetValue(json), parse.GetValue(servers), parse.GetValue(localNodes), parse.GetValue(slots)));
        return command;
    }

    private static int Execute(CliConsole console, bool json, int servers, int? localNodes, int slots)
    {
        if (servers < ScaleCellPlan.ServersPerCell || servers % ScaleCellPlan.ServersPerCell != 0)
        {
            throw new BadInputException($"--servers must be a positive multiple of {ScaleCellPlan.ServersPerCell} ({ScaleCellPlan.ServersPerCell} servers per cell), got {servers}");
        }

        if (slots < 1)
        {
            throw new BadInputException($"--slots must be ≥ 1, got {slots}");
        }

        TorchThreads.Set(1); // as in `run`: the actors give the parallelism
        var cells = servers / ScaleCellPlan.ServersPerCell;
        var (settings, plan) = ScaleCellPlan.Build(slots);
        var counted = CountingMailbox.Configuration.WithFallback(plan.Akka);
        var policy = RoutingPolicyCatalog.Find("stable-moe")!;
        var report = new BenchReport(console);
        report.Add("servers", servers);
        report.Add("cells", cells);
        report.Add("slots", slots);
        report.Add("processes", 1 + (localNodes ?? 0));
        report.Add("threads", plan.Threads);

        using var cluster = ClusterRun.Start(
            new ClusterOptions.Given(null, null, null, null, null), localNodes, settings with { Actors = new ActorRuntimeSettings(counted) }, plan.Threads, console.Error);
        var site = cluster?.Site ?? EmulationSite.Local(counted, plan.Threads);
        console.Error.WriteLine($"bench scale: {servers} servers in {cells} cells of {ScaleCellPlan.ServersPerCell}, {slots} slots, " +
            (cluster is null ? "one process" : $"{localNodes} local edge node(s)"));

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = CurrentWorkingSet();
        var nodesBefore = cluster?.EdgeNodesWorkingSetBytes() ?? 0;
        var (after, nodesAfter) = (0L, 0L);
        var messagesBefore = CountingMailbox.Delivered;
        var bytesBefore = CrossingBytes();
        var cpuBefore = SlotCompletions.ProcessCpuSeconds();
        var pauseBefore = GC.GetTotalPauseDuration();
        var collectionsBefore = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
        var clock = Stopwatch.StartNew();
        var completions = new SlotCompletions(cells, slots, clock, () => CountingMailbox.Delivered, CrossingBytes, () =>
        {
            // Measured while every actor is still alive, before the network stops.
            after = CurrentWorkingSet();
            nodesAfter = cluster?.EdgeNodesWorkingSetBytes() ?? 0;
        });
        StableMoeNetwork.RunCells(plan, policy, cells, (cell, slot) => completions.Finished(cell, slot.Slot), site);

        var runSeconds = clock.Elapsed.TotalSeconds;
        var pauseSeconds = (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds;
        var collections = Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]).ToArray();
        var seconds = completions.SlotSeconds();
        report.Add("first_slot_s", Math.Round(seconds[0], 3));
        report.Add("slot_s", slots > 1 ? Math.Round(Timings.Median(seconds.Skip(1)), 3) : double.NaN);
        // CPU time is what a busy machine cannot hide: on an idle one a slot takes about slot_cpu_s / cores.
        var cpu = completions.CpuBy.Select((end, t) => t == 0 ? end - cpuBefore : end - completions.CpuBy[t - 1]).ToArray();
        report.Add("first_slot_cpu_s", Math.Round(cpu[0], 3));
        report.Add("slot_cpu_s", slots > 1 ? Math.Round(Timings.Median(cpu.Skip(1)), 3) : double.NaN);
        // The runtime's own stop-the-world time: how much of the run the collector took from the emulation.
        report.Add("gc_pause_share", Math.Round(pauseSeconds / runSeconds, 3));
        report.Add("gc_gen0_per_slot", Math.Round((double)collections[0] / slots, 1));
        report.Add("gc_gen2_per_slot", Math.Round((double)collections[2] / slots, 1));
        // Cells do not wait for each other: when the last cell ends a slot, a faster one may be well into the next, so
        // the per-slot figures are means that settle over many slots; the totals over the whole run are exact.
        report.Add("messages_per_slot", Math.Round(SlotCompletions.PerSlot(completions.MessagesBy, messagesBefore)));
        report.Add("bytes_per_slot", Math.Round(SlotCompletions.PerSlot(completions.BytesBy, bytesBefore)));
        report.Add("messages", completions.MessagesBy[^1] - messagesBefore);
        report.Add("bytes", completions.BytesBy[^1] - bytesBefore);
        report.Add("memory_per_server_kb", Math.Round((after - before + nodesAfter - nodesBefore) / 1024.0 / servers, 1));
        report.Add("process_working_set_mb", Math.Round(after / 1048576.0, 1));
        report.Add("nodes_working_set_mb", Math.Round(nodesAfter / 1048576.0, 1));
        return report.Finish(json);
    }

    /// <summary>Bytes our serializer wrote or read in this process: every message between the coordinator and its nodes.</summary>
    private static long CrossingBytes() => WireTraffic.BytesWritten + WireTraffic.BytesRead;

    private static long CurrentWorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }
}
