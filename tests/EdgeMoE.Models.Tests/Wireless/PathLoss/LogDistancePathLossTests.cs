using EdgeMoE.Models.Wireless.PathLoss;

namespace EdgeMoE.Models.Tests.Wireless.PathLoss;

public sealed class LogDistancePathLossTests
{
    [Fact]
    public void Loss_grows_by_ten_n_decibels_per_decade_from_the_reference()
    {
        var model = new LogDistancePathLoss(ReferenceLossDb: 40, ReferenceDistanceMeters: 1, Exponent: 3);
        Assert.Equal(70, model.LossDb(10), 12);
        Assert.Equal(100, model.LossDb(100), 12);
        Assert.Equal(1.0, model.MeanGain(10) / 1e-7, 12);
    }

    [Fact]
    public void Distances_inside_the_reference_distance_get_the_reference_loss()
    {
        var model = new LogDistancePathLoss(30, 2, 3.5);
        Assert.Equal(30, model.LossDb(0.5), 12);
    }

    [Fact]
    public void Non_positive_distances_are_rejected()
    {
        var model = new LogDistancePathLoss(30, 1, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.LossDb(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogDistancePathLoss(30, 0, 2).LossDb(1));
    }
}
