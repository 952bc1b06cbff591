namespace EdgeMoE.Hocon.Unresolved;

/// <summary>A string, number, boolean or null; already final.</summary>
internal sealed class ScalarNode(HoconValue value) : Node(value.Origin)
{
    public HoconValue Value { get; } = value;

    public override bool NeedsResolution => false;
}
