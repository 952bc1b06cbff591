namespace EdgeMoE.Hocon.Resolution;

/// <summary>The outcome of looking a substitution's path up in the document.</summary>
internal readonly record struct LookupResult(HoconValue? Value, bool SelfReference)
{
    public static LookupResult Missing => new(null, false);

    public static LookupResult BlockedBySelfReference => new(null, true);

    public bool Found => Value is not null;
}
