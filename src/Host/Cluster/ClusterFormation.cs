using Akka.Actor;
using EdgeMoE.Actors.Cluster.Membership;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Cluster;

/// <summary>Joins a member to the cluster of its seed nodes and waits, in real time, for the cluster a run needs.</summary>
internal static class ClusterFormation
{
    /// <summary>
    /// Joins <paramref name="seeds"/> and waits until this member is up and <paramref name="minEdgeNodes"/> edge members
    /// are up; returns the edge members in placement order.
    /// </summary>
    /// <exception cref="BadInputException">Not formed within <paramref name="timeout"/>: says how far it got and what to check.</exception>
    /// <param name="system">The joining member.</param>
    /// <param name="seeds">Its seed nodes.</param>
    /// <param name="minEdgeNodes">Edge members to wait for.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="failure">Completes with a reason to give up at once (e.g. a local node process exited); null for none.</param>
    public static IReadOnlyList<Address> AwaitEdgeMembers(
        ActorSystem system, IReadOnlyList<Address> seeds, int minEdgeNodes, TimeSpan timeout, Task<string>? failure = null)
    {
        var formed = new TaskCompletionSource<IReadOnlyList<Address>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var last = new EdgeQuorumActor.QuorumState(false, 0);
        system.ActorOf(EdgeQuorumActor.Props(minEdgeNodes, formed, s => Volatile.Write(ref last, s)), "edge-quorum");
        Akka.Cluster.Cluster.Get(system).JoinSeedNodes(seeds);
        // Real time: the other processes join at their own pace (outside the emulation, never shaping a result).
        var never = new TaskCompletionSource<string>().Task;
        switch (Task.WaitAny([formed.Task, failure ?? never], timeout))
        {
            case 0:
                return formed.Task.Result;
            case 1:
                throw new BadInputException($"the cluster did not form: {failure!.Result}");
        }

        var state = Volatile.Read(ref last);
        var seen = state.SelfUp
            ? $"{state.EdgeMembersUp} of {minEdgeNodes} edge nodes joined (edgemoe.cluster.min-edge-nodes)"
            : "no seed node answered";
        throw new BadInputException(
            $"the cluster did not form within {timeout.TotalSeconds:0.#} s (edgemoe.cluster.join-timeout): {seen}. Seed nodes: " +
            $"{string.Join(", ", seeds.Select(SeedNodes.Describe))}. Check that each edge machine runs `edgemoe node --seed-nodes ...` " +
            "with the same seed nodes, that the addresses and ports are reachable, and that every node has the cluster's credentials.");
    }
}
