namespace EdgeMoE.Hocon;

/// <summary>A boolean value.</summary>
public sealed class HoconBoolean(bool value, ConfigOrigin origin) : HoconValue(origin)
{
    public bool Value { get; } = value;

    public override HoconValueType Type => HoconValueType.Boolean;

    public override string Describe() => $"boolean {ConcatenationText}";

    internal override string ConcatenationText => Value ? "true" : "false";
}
