namespace EdgeMoE.Hocon;

/// <summary>An explicit <c>null</c>: the path exists (it blocks environment fallback) but has no value.</summary>
public sealed class HoconNull(ConfigOrigin origin) : HoconValue(origin)
{
    public override HoconValueType Type => HoconValueType.Null;

    public override string Describe() => "null";

    internal override string ConcatenationText => "null";
}
