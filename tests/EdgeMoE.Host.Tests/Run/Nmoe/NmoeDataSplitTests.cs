using EdgeMoE.Host.Scenarios.Nmoe;
using EdgeMoE.Host.Settings;
using EdgeMoE.Models.Data;

namespace EdgeMoE.Host.Tests.Run.Nmoe;

public sealed class NmoeDataSplitTests
{
    [Theory]
    [InlineData("1/(1+tau)", 250)]
    [InlineData("1-tau", 240)]
    public void Non_iid_gives_the_dominant_class_1_over_1_plus_tau_or_1_minus_tau(string share, int dominant)
    {
        // tau = 0.2 of 300 images: 1/(1.2) = 83.3 % -> 250 images, or 1 - 0.2 = 80 % -> 240.
        var settings = Settings(share);
        var images = SyntheticImages.GaussianClusters(4000, 10, 1, 4, 4, 0.3, 1);
        var clients = NmoeDataSplit.Make(settings, "non-iid", images, images, 5);
        for (var c = 0; c < clients.Count; c++)
        {
            Assert.Equal(dominant, clients[c].Train.ClassCounts()[c]);
            Assert.Equal(settings.TestPerClient, clients[c].Test.Count);
            Assert.Equal((int)Math.Round(settings.TestPerClient * settings.DominantShare, MidpointRounding.ToEven), clients[c].Test.ClassCounts()[c]);
        }
    }

    private static NmoeSettings Settings(string share)
    {
        var config = EdgeMoE.Hocon.Config.Parse($$"""
            nmoe {
              clients = 3, train-per-client = 300, test-per-client = 120, partitions = [iid, non-iid], non-iid-tau = 0.2
              dominant-share = "{{share}}", conv-channels = [2], feature-size = 4, expert-hidden = 4, gate-hidden = 0, rounds = 1
              local-epochs = 1, batch-size = 10, learning-rate = 1e-3, fedsc-local-epochs = 1, fedsc-learning-rate = 1e-3, fedsc-dp-noise-std = 0
              expert-epochs = 1, expert-learning-rate = 1e-3, gate-rounds = 1, gate-local-steps = 1, gate-learning-rate = 1e-3
              gate-client-fraction = 0.7, balance-weight = 0, rollgate-own-share = 0.7, rollgate-passes = 1, centralised-epochs = 1
              dropout-probability = 0, failures = []
            }
            """);
        return NmoeSettings.Read(new SettingsReader(config.GetConfig("nmoe")));
    }
}
