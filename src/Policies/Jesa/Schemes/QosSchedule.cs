namespace EdgeMoE.Policies.Jesa.Schemes;

/// <summary>QoS thresholds zγ^(l) of the paper's experiments (§VII-A3), layers numbered from 1.</summary>
public static class QosSchedule
{
    /// <summary>JESA(γ0, D): z·γ0^l with z = 1 by default; γ0 ∈ (0, 1] makes deeper layers less demanding.</summary>
    public static double Layered(double gamma0, int layer, double z = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(layer, 1);
        return z * Math.Pow(gamma0, layer);
    }

    /// <summary>H(z, D): the same threshold z at every layer (γ^(l) = 1).</summary>
    public static double Homogeneous(double z) => z;
}
