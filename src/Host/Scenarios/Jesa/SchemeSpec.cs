using System.Globalization;
using System.Text.RegularExpressions;
using EdgeMoE.Policies.Jesa.Schemes;

namespace EdgeMoE.Host.Scenarios.Jesa;

/// <summary>One scheme of the comparison as its label names it: top-k, h(z,D), jesa(γ0,D) or lb(γ0,D) (§VII-A3).</summary>
/// <param name="Label">The canonical label, as in summary.json.</param>
/// <param name="Kind">top, h, jesa or lb.</param>
/// <param name="Value">k for top-k; z for h; γ0 for jesa and lb (at face value).</param>
/// <param name="MaxExperts">D (k for top-k).</param>
public sealed partial record SchemeSpec(string Label, string Kind, double Value, int MaxExperts)
{
    /// <summary>The scheme to run; γ0 becomes γ0^(reference/L) under the depth-scaled reading.</summary>
    public SelectionScheme Create(bool depthScaled, int referenceDepth, int layers)
    {
        var gamma = depthScaled ? Math.Pow(Value, (double)referenceDepth / layers) : Value;
        return Kind switch
        {
            "top" => new TopKScheme((int)Value),
            "h" => new HomogeneousScheme(Value, MaxExperts),
            "jesa" => new JesaScheme(gamma, MaxExperts),
            _ => new LowerBoundScheme(gamma, MaxExperts),
        };
    }

    /// <summary>Parses <paramref name="text"/>, or returns null with the reason in <paramref name="why"/>.</summary>
    public static SchemeSpec? TryParse(string text, int experts, out string why)
    {
        why = "";
        var top = TopPattern().Match(text);
        if (top.Success)
        {
            var k = int.Parse(top.Groups[1].Value, CultureInfo.InvariantCulture);
            if (k < 1 || k > experts)
            {
                why = $"k must be in [1, {experts}]";
                return null;
            }

            return new SchemeSpec($"top-{k}", "top", k, k);
        }

        var match = ParamPattern().Match(text);
        if (!match.Success)
        {
            why = "unknown form";
            return null;
        }

        var value = double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        if (!(value > 0 && value <= 1))
        {
            why = "z and gamma0 must be in (0, 1]";
            return null;
        }

        if (d < 1 || d > experts)
        {
            why = $"D must be in [1, {experts}]";
            return null;
        }

        var kind = match.Groups[1].Value;
        return new SchemeSpec(string.Create(CultureInfo.InvariantCulture, $"{kind}({value},{d})"), kind, value, d);
    }

    [GeneratedRegex(@"^top-(\d{1,3})$")]
    private static partial Regex TopPattern();

    [GeneratedRegex(@"^(h|jesa|lb)\(\s*(\d+(?:\.\d+)?)\s*,\s*(\d{1,3})\s*\)$")]
    private static partial Regex ParamPattern();
}
