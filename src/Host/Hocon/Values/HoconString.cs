namespace EdgeMoE.Hocon;

/// <summary>A string value (quoted, unquoted, triple-quoted or concatenated).</summary>
public sealed class HoconString(string value, ConfigOrigin origin) : HoconValue(origin)
{
    public string Value { get; } = value;

    public override HoconValueType Type => HoconValueType.String;

    public override string Describe() => $"string \"{Value}\"";

    internal override string ConcatenationText => Value;
}
