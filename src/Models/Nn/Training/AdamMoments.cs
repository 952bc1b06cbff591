namespace EdgeMoE.Models.Nn;

/// <summary>Adam's state of one parameter tensor (flattened): what a checkpoint keeps to continue training exactly.</summary>
/// <param name="Step">Updates taken so far (the bias corrections depend on it).</param>
/// <param name="ExpAvg">Running mean of the gradient.</param>
/// <param name="ExpAvgSq">Running mean of the squared gradient.</param>
public sealed record AdamMoments(long Step, float[] ExpAvg, float[] ExpAvgSq);
