using Akka.Actor;
using Akka.Cluster;

namespace EdgeMoE.Actors.Cluster.Membership;

/// <summary>
/// Watches membership until this member is up and at least <c>minimum</c> edge members are up, then completes
/// <c>formed</c> with the edge members in placement order and stops. <c>state</c> always holds what was seen last
/// (for the message when the cluster does not form in time).
/// </summary>
public sealed class EdgeQuorumActor : ReceiveActor
{
    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);
    private readonly int _minimum;
    private readonly TaskCompletionSource<IReadOnlyList<Address>> _formed;
    private readonly Action<QuorumState> _state;
    private readonly HashSet<Member> _members = [];

    /// <summary>What the coordinator has seen of the cluster so far.</summary>
    /// <param name="SelfUp">True once this member is up (some seed node answered).</param>
    /// <param name="EdgeMembersUp">Edge members up.</param>
    public sealed record QuorumState(bool SelfUp, int EdgeMembersUp);

    public EdgeQuorumActor(int minimum, TaskCompletionSource<IReadOnlyList<Address>> formed, Action<QuorumState> state)
    {
        _minimum = minimum;
        _formed = formed;
        _state = state;
        Receive<ClusterEvent.CurrentClusterState>(s =>
        {
            _members.UnionWith(s.Members);
            Check();
        });
        Receive<ClusterEvent.IMemberEvent>(e =>
        {
            _members.Remove(e.Member);
            if (e is not ClusterEvent.MemberRemoved)
            {
                _members.Add(e.Member);
            }

            Check();
        });
    }

    /// <summary>Props of the watcher (see the constructor).</summary>
    public static Props Props(int minimum, TaskCompletionSource<IReadOnlyList<Address>> formed, Action<QuorumState> state) =>
        Akka.Actor.Props.Create(() => new EdgeQuorumActor(minimum, formed, state));

    protected override void PreStart() => _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.IMemberEvent));

    protected override void PostStop() => _cluster.Unsubscribe(Self);

    private void Check()
    {
        var selfUp = _members.Any(m => m.Address.Equals(_cluster.SelfAddress) && m.Status == MemberStatus.Up);
        var edges = EdgeMembers.Up(_members);
        _state(new QuorumState(selfUp, edges.Count));
        if (selfUp && edges.Count >= _minimum)
        {
            _formed.TrySetResult(edges);
            Context.Stop(Self);
        }
    }
}
