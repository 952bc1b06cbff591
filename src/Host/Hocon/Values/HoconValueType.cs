namespace EdgeMoE.Hocon;

/// <summary>The JSON type of a resolved value.</summary>
public enum HoconValueType
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}
