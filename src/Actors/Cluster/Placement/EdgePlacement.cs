using Akka.Actor;
using Akka.Cluster;

namespace EdgeMoE.Actors.Cluster.Placement;

/// <summary>
/// Where a run's edge actors live. A scenario asks for the Props of its j-th edge actor group (a server and its link,
/// an expert node, a client) and gets them back deployed where this placement puts group j; results never depend on
/// it, because every generator derives from the run seed and the actor's stable name, never from its address.
/// </summary>
public abstract class EdgePlacement
{
    /// <summary>Every edge actor in the coordinator's own actor system (a one-process run).</summary>
    public static EdgePlacement Local { get; } = new LocalEdgePlacement();

    /// <summary>Edge group j on member j mod N of <paramref name="edgeMembers"/> (ordered by address, see <see cref="EdgeMembers"/>).</summary>
    public static EdgePlacement OnMembers(IReadOnlyList<Address> edgeMembers) => new MemberEdgePlacement(edgeMembers);

    /// <summary>The members edge actors are deployed to, in placement order (empty for a one-process run).</summary>
    public abstract IReadOnlyList<Address> Members { get; }

    /// <summary><paramref name="props"/> deployed where edge group <paramref name="group"/> lives (≥ 0).</summary>
    public abstract Props Place(Props props, int group);

    /// <summary>The member that hosts edge group <paramref name="group"/>, or null in a one-process run.</summary>
    public abstract Address? MemberOf(int group);

    /// <summary>Members crashed on purpose (scheduled crash-node failures) whose place waits for a new member.</summary>
    public virtual int Vacancies => 0;

    /// <summary>
    /// Marks the member that hosts edge group <paramref name="group"/> as crashed: its incarnation
    /// <paramref name="incarnation"/> will never count as a new member, and its place goes to the next new one.
    /// </summary>
    public virtual void Vacate(int group, UniqueAddress incarnation) => throw new InvalidOperationException("a one-process run has no member to crash");

    /// <summary>True when <paramref name="member"/> is a new edge member that may fill a vacancy (not placed, not a crashed incarnation).</summary>
    public virtual bool IsNewcomer(UniqueAddress member) => false;

    /// <summary>Gives the first vacancy to <paramref name="member"/>: the crashed member's groups live there from now on.</summary>
    public virtual void Fill(Address member) => throw new InvalidOperationException("a one-process run has no vacancy");

    private sealed class LocalEdgePlacement : EdgePlacement
    {
        public override IReadOnlyList<Address> Members => [];

        public override Props Place(Props props, int group)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(group);
            return props;
        }

        public override Address? MemberOf(int group) => null;
    }
}
