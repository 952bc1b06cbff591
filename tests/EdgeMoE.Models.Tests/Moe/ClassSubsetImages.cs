using EdgeMoE.Models.Data;
using EdgeMoE.Models.Nn;

namespace EdgeMoE.Models.Tests.Moe;

/// <summary>The small image set the class-subset task tests draw from, and its held-out images per class subset.</summary>
internal static class ClassSubsetImages
{
    public static readonly LabeledImages Images = SyntheticImages.GaussianClusters(200, 10, 1, 4, 4, 0.3, seed: 2);

    /// <summary>Per subset of <paramref name="groups"/>, every image of its classes (the experts' error set).</summary>
    public static IReadOnlyList<LabeledImages> Evaluation(IReadOnlyList<int[]> groups) =>
        [.. groups.Select(g => Images.Subset([.. Enumerable.Range(0, Images.Count).Where(i => g.Contains(Images.Labels[i]))]))];
}
