namespace EdgeMoE.Models.Compute;

/// <summary>Why the frequency a server ran at differs from the one requested.</summary>
public enum FrequencyClamp
{
    /// <summary>The requested frequency was applied.</summary>
    None,

    /// <summary>Lowered to f_max.</summary>
    MaxFrequency,

    /// <summary>Lowered to the largest frequency whose slot energy meets E_max.</summary>
    EnergyCap,
}
