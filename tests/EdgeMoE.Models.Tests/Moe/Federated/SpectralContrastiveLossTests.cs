using EdgeMoE.Models.Moe.Federated;
using EdgeMoE.Models.Nn;

namespace EdgeMoE.Models.Tests.Moe.Federated;

public sealed class SpectralContrastiveLossTests
{
    [Fact]
    public void The_loss_of_eq_4_matches_a_hand_computed_batch()
    {
        // z1 = [[1, 0], [0, 1]], z2 = [[1, 1], [0, 1]]: Tr R+ = (1 + 1) / 2 = 1;
        // R = (I + [[1, 1], [1, 2]]) / 4 = [[0.5, 0.25], [0.25, 0.75]], ||R||^2 = 0.25 + 0.125 + 0.5625 = 0.9375;
        // R_others = I: Tr(R R_others) = 1.25. q = 0.25: -1 + 0.5 * 0.25 * 0.9375 + 0.75 * 1.25 = 0.05468750.
        using var z1 = TensorInput.Floats([1f, 0f, 0f, 1f], 2, 2);
        using var z2 = TensorInput.Floats([1f, 1f, 0f, 1f], 2, 2);
        using var others = TensorInput.Floats([1f, 0f, 0f, 1f], 2, 2);
        using var loss = SpectralContrastiveLoss.Loss(z1, z2, 0.25, others);
        Assert.Equal(0.0546875, loss.item<float>(), 6);
        using var alone = SpectralContrastiveLoss.Loss(z1, z2, 0.25, null);
        Assert.Equal(-1 + (0.5 * 0.9375), alone.item<float>(), 6);
    }

    [Fact]
    public void The_others_matrix_is_the_share_weighted_mean_of_the_other_clients_last_shares()
    {
        float[]?[] shared = [[1f], [3f], null, [9f]];
        var others = SpectralContrastiveLoss.Others(shared, [0.1, 0.2, 0.3, 0.4], client: 0);
        Assert.Equal((0.2 * 3 + 0.4 * 9) / 0.6, others![0], 5);
        Assert.Null(SpectralContrastiveLoss.Others([[1f], null], [0.5, 0.5], client: 0));
    }
}
