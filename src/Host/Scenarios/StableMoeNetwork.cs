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
    public static void Run(ScenarioPlan plan, IRoutingPolicy policy, Action<SlotMetrics> onSlot)
    {
        var outcome = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var system = EmulationActorSystem.Create("edgemoe", plan.Akka, plan.Threads);
        try
        {
            system.ActorOf(StableMoeRunActor.Props(plan, policy, onSlot, outcome), "run");
            try
            {
                // The slot barrier, not a timer, ends the run: it completes after the last slot or fails with an actor.
                outcome.Task.GetAwaiter().GetResult();
            }
            catch (Exception cause)
            {
                throw new InvalidOperationException($"policy {policy.Name}: an actor failed: {cause.Message}", cause);
            }
        }
        finally
        {
            system.Terminate().GetAwaiter().GetResult();
        }
    }
}
