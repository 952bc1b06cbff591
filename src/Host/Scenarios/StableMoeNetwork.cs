using Akka.Actor;
using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Host.Scenarios;

/// <summary>
/// Runs the Stable-MoE edge network of a <see cref="ScenarioPlan"/> as Akka.NET actors in a fresh actor system, to
/// its last slot. Actor seeds do not depend on the policy, so every policy of a run meets the same arrivals and
/// initial weights (each actor's generator derives from the run seed and its stable name).
/// </summary>
public static class StableMoeNetwork
{
    /// <summary>Runs <paramref name="policy"/> over the plan's slots, calling <paramref name="onSlot"/> after each.</summary>
    /// <exception cref="InvalidOperationException">An actor failed; the run stops at once with the cause.</exception>
    /// <exception cref="RunStoppedException">No slot finished within the plan's stall timeout, or the site was lost.</exception>
    public static void Run(ScenarioPlan plan, IRoutingPolicy policy, Action<SlotMetrics> onSlot) =>
        Run(plan, policy, onSlot, EmulationSite.Local(plan.Akka, plan.Threads));

    /// <summary>Runs <paramref name="policy"/> at <paramref name="site"/> (this process, or a cluster), calling <paramref name="onSlot"/> after each slot.</summary>
    /// <exception cref="InvalidOperationException">An actor failed.</exception>
    /// <exception cref="RunStoppedException">The run stalled or its site was lost.</exception>
    internal static void Run(ScenarioPlan plan, IRoutingPolicy policy, Action<SlotMetrics> onSlot, EmulationSite site) =>
        Run(plan, policy, onSlot, site, NetworkCheckpointing.None);

    /// <summary>Runs <paramref name="policy"/> at <paramref name="site"/>, taking and/or starting from snapshots as <paramref name="checkpointing"/> says.</summary>
    /// <exception cref="InvalidOperationException">An actor failed.</exception>
    /// <exception cref="RunStoppedException">The run stalled or its site was lost.</exception>
    internal static void Run(ScenarioPlan plan, IRoutingPolicy policy, Action<SlotMetrics> onSlot, EmulationSite site, NetworkCheckpointing checkpointing)
    {
        var outcome = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = -1L;
        void Observe(SlotMetrics slot)
        {
            onSlot(slot);
            Volatile.Write(ref finished, slot.Slot);
            site.SlotFinished(policy.Name, slot.Slot);
        }

        using (site.Start(policy.Name, placement => StableMoeRunActor.Props(plan, policy, placement, Observe, outcome, checkpointing)))
        {
            AwaitOutcome(outcome.Task, site.Lost, policy, plan.StallTimeout, () => Volatile.Read(ref finished), () => Volatile.Read(ref finished));
        }
    }

    /// <summary>
    /// Runs <paramref name="cells"/> independent cells of the plan's network side by side at <paramref name="site"/>
    /// (each its own clock, client, router and policy; see <see cref="StableMoeCell"/>), calling
    /// <paramref name="onSlot"/> with the cell's number after each of its slots, from any thread.
    /// </summary>
    /// <exception cref="InvalidOperationException">An actor failed.</exception>
    /// <exception cref="RunStoppedException">The run stalled or its site was lost.</exception>
    internal static void RunCells(ScenarioPlan plan, IRoutingPolicy policy, int cells, Action<int, SlotMetrics> onSlot, EmulationSite site) =>
        RunCells(plan, policy, cells, onSlot, site, _ => NetworkCheckpointing.None);

    /// <summary>As <see cref="RunCells(ScenarioPlan, IRoutingPolicy, int, Action{int, SlotMetrics}, EmulationSite)"/>, cell c taking and/or starting from snapshots as <paramref name="checkpointing"/>(c) says.</summary>
    /// <exception cref="InvalidOperationException">An actor failed.</exception>
    /// <exception cref="RunStoppedException">The run stalled or its site was lost.</exception>
    internal static void RunCells(
        ScenarioPlan plan, IRoutingPolicy policy, int cells, Action<int, SlotMetrics> onSlot, EmulationSite site, Func<int, NetworkCheckpointing> checkpointing)
    {
        var outcome = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = -1L;
        var reports = 0L;
        void Observe(int cell, SlotMetrics slot)
        {
            onSlot(cell, slot);
            Volatile.Write(ref finished, slot.Slot);
            Interlocked.Increment(ref reports);
        }

        using (site.Start(policy.Name, placement => StableMoeRunActor.Cells(plan, policy, placement, cells, Observe, outcome, checkpointing)))
        {
            AwaitOutcome(outcome.Task, site.Lost, policy, plan.StallTimeout, () => Interlocked.Read(ref reports), () => Volatile.Read(ref finished));
        }
    }

    /// <summary>
    /// Blocks until the slot barrier ends the run (after the last slot, or failed with an actor). A real-time watchdog
    /// only: a run whose slots stop finishing (a protocol bug, a lost message) fails instead of waiting forever.
    /// </summary>
    private static void AwaitOutcome(Task outcome, Task<string>? siteLost, IRoutingPolicy policy, TimeSpan stallTimeout, Func<long> progress, Func<long> finishedSlot)
    {
        var seen = progress();
        Task[] waits = siteLost is null ? [outcome] : [outcome, siteLost];
        try
        {
            while (Task.WaitAny(waits, stallTimeout) is var ended && ended != 0)
            {
                if (ended == 1)
                {
                    throw new RunStoppedException($"policy {policy.Name}: {siteLost!.Result}; the run cannot go on (last finished slot: {finishedSlot()})");
                }

                var now = progress();
                if (now == seen)
                {
                    var slot = finishedSlot();
                    var last = slot < 0 ? "none" : slot.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    throw new RunStoppedException(
                        $"policy {policy.Name}: the run stalled: no slot finished for {stallTimeout} (last finished slot: {last}; edgemoe.run.stall-timeout)");
                }

                seen = now;
            }

            // Completed: rethrows an actor's failure.
            outcome.Wait();
        }
        catch (AggregateException wrapped) when (wrapped.InnerException is { } cause)
        {
            throw new InvalidOperationException($"policy {policy.Name}: an actor failed: {cause.Message}", cause);
        }
    }
}
