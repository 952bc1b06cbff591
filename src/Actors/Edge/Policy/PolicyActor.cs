using Akka.Actor;
using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Actors.Randomness;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Actors.Edge.Policy;

/// <summary>
/// Holds one routing policy (Stable-MoE or a baseline) and decides each slot from a snapshot: the
/// <see cref="ServerStatus"/> every server sent at the slot's start (Q_j, Z_j, availability) and the router's gating
/// scores. The decision is made once both halves of the snapshot are in, whatever order they arrive in; statuses are
/// kept by server index, so the decision does not depend on that order.
/// </summary>
public sealed class PolicyActor : ReceiveActor
{
    private readonly IRoutingPolicy _policy;
    private readonly SlotParameters _parameters;
    private readonly Random _random;
    private readonly Dictionary<long, ServerStatus?[]> _statuses = [];
    private readonly Dictionary<long, (DecisionRequest Request, IActorRef Router)> _requests = [];
    private long _decided = -1;

    /// <param name="policy">The policy; only it touches the actor's generator.</param>
    /// <param name="parameters">V, μ, K and the servers' profiles.</param>
    /// <param name="seed">The actor's generator (randomised policies).</param>
    /// <param name="restore">The state to continue from (a checkpoint's), or null for a fresh policy.</param>
    public PolicyActor(IRoutingPolicy policy, SlotParameters parameters, ActorSeed seed, ActorSnapshot? restore = null)
    {
        _policy = policy;
        _parameters = parameters;
        _random = seed.NewGenerator();
        Receive<ServerStatus>(s =>
        {
            if (s.Slot <= _decided)
            {
                // The clock's word for a server lost after the decision: it changes nothing any more.
                return;
            }

            // A server reported down (by the clock) stays down for the slot, whichever status came first.
            var statuses = Statuses(s.Slot);
            if (statuses[s.Server] is null || !s.Available)
            {
                statuses[s.Server] = s;
            }

            TryDecide(s.Slot);
        });
        Receive<DecisionRequest>(r =>
        {
            _requests[r.Slot] = (r, Sender);
            TryDecide(r.Slot);
        });
        // Between slots nothing waits here: the decided slot and the generator are the whole state.
        Receive<CaptureState>(c => Sender.Tell(SnapshotCodec.Take(c.Slot, SnapshotName, w =>
        {
            w.WriteVarInt(_decided);
            GeneratorState.Write(w, _random);
            return [];
        })));
        if (restore is not null)
        {
            SnapshotCodec.Restore(restore, Context.System, r =>
            {
                _decided = r.ReadVarInt();
                GeneratorState.Read(r, _random);
            });
        }
    }

    /// <summary>The policy actor's stable name in snapshots.</summary>
    public const string SnapshotName = "policy";

    /// <summary>Props of a policy actor (see the constructor).</summary>
    public static Props Props(IRoutingPolicy policy, SlotParameters parameters, ActorSeed seed, ActorSnapshot? restore = null) =>
        Akka.Actor.Props.Create(() => new PolicyActor(policy, parameters, seed, restore));

    private ServerStatus?[] Statuses(long slot)
    {
        if (!_statuses.TryGetValue(slot, out var statuses))
        {
            statuses = new ServerStatus?[_parameters.Servers.Count];
            _statuses[slot] = statuses;
        }

        return statuses;
    }

    private void TryDecide(long slot)
    {
        var statuses = Statuses(slot);
        if (!_requests.TryGetValue(slot, out var pending) || Array.Exists(statuses, s => s is null))
        {
            return;
        }

        _statuses.Remove(slot);
        _requests.Remove(slot);
        _decided = slot;
        var experts = new ExpertState[statuses.Length];
        for (var j = 0; j < experts.Length; j++)
        {
            var s = statuses[j]!;
            var p = _parameters.Servers[j];
            experts[j] = new ExpertState(
                s.TokenBacklog, s.EnergyBacklog, p.MaxFrequencyHz, p.SwitchedCapacitance, p.EnergyCapJoules, p.AverageEnergyBudgetJoules, s.Available);
        }

        var profile = _parameters.Servers[0];
        var instance = new SlotInstance(
            _parameters.TradeOff, _parameters.GatingWeight, _parameters.ExpertsPerToken, profile.SlotSeconds, profile.CyclesPerToken,
            experts, pending.Request.Scores);
        var decision = _policy.Decide(instance, _random);
        pending.Router.Tell(new SlotDecision(slot, decision.Routing, decision.FrequencyHz, decision.Objective, decision.CompletionCap));
    }
}
