using System.Globalization;

namespace EdgeMoE.Benchmarks;

/// <summary>The arguments of a race experiment: <c>VARIANT [seconds = 30] [workers = 3]</c>, the variant one of two names.</summary>
internal sealed record RaceArguments(string Variant, double Seconds, int Workers)
{
    public static RaceArguments Parse(string experiment, string[] args, string racy, string safe)
    {
        var variant = args.Length > 0 ? args[0] : racy;
        if (variant != racy && variant != safe)
        {
            throw new ArgumentException($"{experiment}: the variant must be {racy} or {safe}, got '{variant}'");
        }

        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 30;
        var workers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        return new RaceArguments(variant, seconds, workers);
    }
}
