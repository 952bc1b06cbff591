using Akka.Actor;

namespace EdgeMoE.Actors.Cluster.Placement;

/// <summary>Round-robin remote deployment over edge members: group j on member j mod N.</summary>
internal sealed class MemberEdgePlacement : EdgePlacement
{
    private readonly Address[] _members;

    public MemberEdgePlacement(IReadOnlyList<Address> members)
    {
        if (members.Count == 0)
        {
            throw new ArgumentException("A cluster placement needs at least one edge member.", nameof(members));
        }

        _members = [.. members];
    }

    public override IReadOnlyList<Address> Members => _members;

    public override Props Place(Props props, int group) =>
        props.WithDeploy(Deploy.None.WithScope(new RemoteScope(MemberOf(group))));

    public override Address MemberOf(int group)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(group);
        return _members[group % _members.Length];
    }
}
