using Akka.Actor;
using Akka.Cluster;

namespace EdgeMoE.Actors.Cluster.Membership;

/// <summary>
/// On an edge node: completes <c>departed</c> when a coordinator that was up leaves the cluster or is removed, which
/// ends the node's part in that run (the node then leaves and waits for the next coordinator).
/// </summary>
public sealed class CoordinatorDepartureActor : ReceiveActor
{
    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);
    private readonly HashSet<Address> _coordinators = [];

    public CoordinatorDepartureActor(TaskCompletionSource<Address> departed, Action<Address> arrived)
    {
        Receive<ClusterEvent.MemberUp>(e =>
        {
            if (e.Member.HasRole(ClusterRoles.Coordinator) && _coordinators.Add(e.Member.Address))
            {
                arrived(e.Member.Address);
            }
        });
        Receive<ClusterEvent.IMemberEvent>(e =>
        {
            if (e is ClusterEvent.MemberRemoved or ClusterEvent.MemberExited && _coordinators.Contains(e.Member.Address))
            {
                departed.TrySetResult(e.Member.Address);
            }
        });
    }

    /// <summary>Props of the watcher (see the constructor).</summary>
    public static Props Props(TaskCompletionSource<Address> departed, Action<Address> arrived) =>
        Akka.Actor.Props.Create(() => new CoordinatorDepartureActor(departed, arrived));

    protected override void PreStart() => _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.IMemberEvent));

    protected override void PostStop() => _cluster.Unsubscribe(Self);
}
