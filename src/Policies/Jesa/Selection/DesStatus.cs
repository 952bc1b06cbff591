namespace EdgeMoE.Policies.Jesa.Selection;

/// <summary>How a <see cref="DynamicExpertSelection"/> result was reached.</summary>
public enum DesStatus
{
    /// <summary>The selection minimises the energy among all selections meeting the threshold with at most D experts.</summary>
    Optimal,

    /// <summary>No selection of at most D experts meets the threshold; the Top-D experts by score were taken (paper, Remark 2).</summary>
    TopDFallback,
}
