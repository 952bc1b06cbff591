using EdgeMoE.Models.Data;
using EdgeMoE.Models.Moe.ChannelAware;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Randomness;
using EdgeMoE.Models.Wireless.Distortion;
using TorchSharp;

namespace EdgeMoE.Models.Tests.Moe.ChannelAware;

public sealed class ChannelAwareMoeTests
{
    [Theory]
    [InlineData(1, 28, 28)]
    [InlineData(3, 32, 32)]
    public void LeNet_backbone_maps_images_to_84_non_negative_features(int channels, int height, int width)
    {
        using var generator = NetworkSeed.Generator(1, "lenet");
        using var backbone = new LeNetBackbone(channels, height, width, generator);
        using var scope = torch.NewDisposeScope();
        var z = backbone.forward(torch.randn(5, channels, height, width, generator: generator));
        Assert.Equal([5L, 84L], z.shape);
        Assert.True(z.min().item<float>() >= 0);
        Assert.Equal(6L, backbone.named_parameters().First(p => p.name == "conv1.weight").parameter.shape[0]);
        Assert.Equal(16L, backbone.named_parameters().First(p => p.name == "conv2.weight").parameter.shape[0]);
    }

    [Fact]
    public void Switch_balance_loss_is_1_for_uniform_routing_and_K_for_collapse()
    {
        using var scope = torch.NewDisposeScope();
        var uniform = torch.tensor(new float[] { 0.7f, 0.1f, 0.1f, 0.1f, 0.1f, 0.7f, 0.1f, 0.1f, 0.1f, 0.1f, 0.7f, 0.1f, 0.1f, 0.1f, 0.1f, 0.7f }).reshape(4, 4);
        Assert.Equal(1.0, SwitchBalanceLoss.Of(uniform).item<float>(), 5);
        var collapsed = torch.tensor(new float[] { 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0 }).reshape(3, 4);
        Assert.Equal(4.0, SwitchBalanceLoss.Of(collapsed).item<float>(), 5);
    }

    [Fact]
    public void Csi_encoding_is_log10_over_3_clamped()
    {
        Assert.Equal(-1f / 3, CsiEncoding.Encode(0.1), 6);
        Assert.Equal(-2f, CsiEncoding.Encode(0), 6);
        Assert.Equal(1f, CsiEncoding.Encode(double.PositiveInfinity), 6);
        Assert.True(CsiEncoding.Encode(0.01) < CsiEncoding.Encode(0.02));
    }

    [Fact]
    public void Rayleigh_block_fading_keeps_the_mean_snr_and_no_fading_is_the_mean()
    {
        var fading = new BlockFading(Rayleigh: true);
        var random = new Xoshiro256Random(3);
        var mean = Enumerable.Range(0, 40_000).Average(_ => fading.Instantaneous(10, random));
        Assert.InRange(mean, 9.7, 10.3);
        Assert.Equal(10, new BlockFading(Rayleigh: false).Instantaneous(10, random));
    }

    [Fact]
    public void Snr_law_draws_within_its_decibel_range()
    {
        var law = new SnrLaw(0, 30);
        var random = new Xoshiro256Random(4);
        var draws = Enumerable.Range(0, 5_000).Select(_ => law.Draw(random)).ToArray();
        Assert.All(draws, d => Assert.InRange(d, 1, 1000));
        Assert.Contains(draws, d => d < 2);
        Assert.Contains(draws, d => d > 500);
    }

    [Fact]
    public void Feature_corruption_distorts_each_row_at_its_own_snr()
    {
        var rows = Enumerable.Range(0, 2 * 84).Select(i => 1f + (i % 7)).ToArray();
        var original = (float[])rows.Clone();
        FeatureCorruption.Apply(new AnalogTransmission(), rows, 84, [1e9, 0.01], new Xoshiro256Random(5));
        var clean = Enumerable.Range(0, 84).Max(i => Math.Abs(rows[i] - original[i]));
        var noisy = Enumerable.Range(84, 84).Average(i => Math.Abs(rows[i] - original[i]));
        Assert.True(clean < 1e-3, $"row at 90 dB moved by {clean}");
        Assert.True(noisy > 5, $"row at -20 dB moved by only {noisy} on average");
        var untouched = (float[])original.Clone();
        FeatureCorruption.Apply(null, untouched, 84, [1, 1], new Xoshiro256Random(5));
        Assert.Equal(original, untouched);
    }

    [Fact]
    public void The_aware_gate_started_from_the_naive_one_routes_alike_whatever_the_csi()
    {
        using var model = new ChannelAwareMoe(1, 4, 1, 28, 28, 10, 8, 6);
        model.InitialiseAwareGateFromNaive();
        var random = new Xoshiro256Random(6);
        var features = Enumerable.Range(0, 30 * 84).Select(_ => (float)random.NextDouble()).ToArray();
        var csi = Enumerable.Range(0, 30 * 4).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        Assert.Equal(model.Route(features, csi, aware: false), model.Route(features, csi, aware: true));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Both_gates_share_the_architecture_and_the_aware_gate_starts_as_the_naive_one_until_a_step(int gateHidden)
    {
        const int experts = 3;
        var images = SyntheticImages.GaussianClusters(60, 3, 1, 28, 28, 0.3, seed: 8);
        using var model = new ChannelAwareMoe(7, experts, 1, 28, 28, 3, 8, gateHidden);
        static long[][] Shapes(TorchSharp.torch.nn.Module module) => module.parameters().Select(p => p.shape).ToArray();

        // Same layers in both gates (a hidden layer of gateHidden ReLU units when > 0), only the CSI inputs added.
        var naiveShapes = Shapes(model.NaiveGate);
        var awareShapes = Shapes(model.AwareGate);
        Assert.Equal(gateHidden == 0 ? 2 : 4, naiveShapes.Length);
        Assert.Equal(naiveShapes.Length, awareShapes.Length);
        Assert.Equal(gateHidden == 0 ? [experts, 84L] : [gateHidden, 84L], naiveShapes[0]);
        Assert.Equal(gateHidden == 0 ? [experts, 84L + experts] : [gateHidden, 84L + experts], awareShapes[0]);
        Assert.Equal(naiveShapes.Skip(1), awareShapes.Skip(1));

        model.InitialiseAwareGateFromNaive();
        var features = model.Features(images.Pixels, images.Count, 1, 28, 28);
        var random = new Xoshiro256Random(9);
        var csi = Enumerable.Range(0, images.Count * experts).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        float[] Logits(bool aware, float[] linkCsi)
        {
            using var scope = torch.NewDisposeScope();
            var z = TensorInput.Floats(features, images.Count, 84);
            return TensorInput.ToArray(aware
                ? model.AwareGate.forward(torch.cat([z, TensorInput.Floats(linkCsi, images.Count, experts)], 1))
                : model.NaiveGate.forward(z));
        }

        // Equal up to rounding: G_AW's first layer multiplies 84 + K inputs, and the BLAS kernel a shape gets (and so the
        // order of its sums) is the library's choice, which differs between CPUs.
        static bool Close(float a, float b) => Math.Abs(a - b) <= 1e-5f * Math.Max(1f, Math.Abs(a));
        var naive = Logits(aware: false, []);
        Assert.Equal(naive, Logits(aware: true, new float[images.Count * experts]), Close);
        Assert.Equal(naive, Logits(aware: true, csi), Close);

        // One stage-2 epoch moves G_AW, and its outputs now depend on the CSI; G is untouched.
        TwoStageTraining.TrainChannelAware(
            model, features, images.Labels, new AnalogTransmission(), new SnrLaw(-10, 30), new BlockFading(true),
            new TrainingOptions(1, 20, 1e-2, 0.1), new Xoshiro256Random(10));
        Assert.Equal(naive, Logits(aware: false, []));
        Assert.NotEqual(naive, Logits(aware: true, new float[images.Count * experts]));
        Assert.NotEqual(Logits(aware: true, new float[images.Count * experts]), Logits(aware: true, csi));
    }

    [Fact]
    public void Stage_2_teaches_the_aware_gate_to_avoid_a_dead_link()
    {
        // Two experts trained alike; link 1 is hopeless (SNR far below 0 dB) half the time: the aware gate must learn to
        // send those samples to expert 0, which the naive gate cannot know. 24 epochs: with 8, one of five stage-2
        // generator seeds (this one, 8) left 78 of 300 samples on a dead link 0; with 24 all five route all 300 right.
        var images = SyntheticImages.GaussianClusters(300, 4, 1, 28, 28, 0.3, seed: 2);
        using var model = new ChannelAwareMoe(2, 2, 1, 28, 28, 4, 16, 8);
        TwoStageTraining.TrainIdeal(model, images, new TrainingOptions(2, 50, 3e-3, 0.1), new Xoshiro256Random(7));
        var features = model.Features(images.Pixels, images.Count, 1, 28, 28);
        TwoStageTraining.TrainChannelAware(
            model, features, images.Labels, new AnalogTransmission(), new SnrLaw(-40, 30), new BlockFading(false),
            new TrainingOptions(24, 50, 1e-2, 0), new Xoshiro256Random(8));
        var csiDeadLink1 = Enumerable.Range(0, images.Count * 2).Select(i => CsiEncoding.Encode(i % 2 == 0 ? 1e-3 : 1e4)).ToArray();
        var csiDeadLink0 = Enumerable.Range(0, images.Count * 2).Select(i => CsiEncoding.Encode(i % 2 == 0 ? 1e4 : 1e-3)).ToArray();
        Assert.True(model.Route(features, csiDeadLink1, aware: true).Count(k => k == 0) > 0.9 * images.Count);
        Assert.True(model.Route(features, csiDeadLink0, aware: true).Count(k => k == 1) > 0.9 * images.Count);
    }

    [Fact]
    public void Stage_1_stops_after_the_first_epoch_without_the_minimum_held_out_gain()
    {
        var images = SyntheticImages.GaussianClusters(120, 3, 1, 28, 28, 0.3, seed: 5);
        var (train, held) = (images.Subset(Enumerable.Range(0, 90).ToArray()), images.Subset(Enumerable.Range(90, 30).ToArray()));
        using var model = new ChannelAwareMoe(4, 2, 1, 28, 28, 3, 8, 4);
        var accuracies = new List<double>();
        var options = new TrainingOptions(3, 30, 1e-3, 0.1);

        // No accuracy can gain more than 100 points on the first epoch's, so the second epoch is the last (the third with patience 2).
        var epochs = TwoStageTraining.TrainIdeal(model, train, options, new Xoshiro256Random(12), null, new ValidationStop(held, 1.0), (_, a) => accuracies.Add(a));
        Assert.Equal(2, epochs);
        Assert.Equal(2, accuracies.Count);
        Assert.Equal(model.IdealAccuracy(held), accuracies[^1]);
        Assert.Equal(3, TwoStageTraining.TrainIdeal(model, train, options, new Xoshiro256Random(13)));
        Assert.Equal(3, TwoStageTraining.TrainIdeal(model, train, options, new Xoshiro256Random(14), null, new ValidationStop(held, 1.0, Patience: 2)));
    }

    [Fact]
    public void Refining_the_naive_gate_changes_only_the_naive_gate()
    {
        var images = SyntheticImages.GaussianClusters(60, 3, 1, 28, 28, 0.3, seed: 4);
        using var model = new ChannelAwareMoe(3, 3, 1, 28, 28, 3, 8, 4);
        static float[] Values(TorchSharp.torch.nn.Module module) => module.parameters().SelectMany(p => TensorInput.ToArray(p)).ToArray();
        var (backbone, naive, aware, expert) = (Values(model.Backbone), Values(model.NaiveGate), Values(model.AwareGate), Values(model.ExpertNetworks[1]));
        var features = model.Features(images.Pixels, images.Count, 1, 28, 28);
        TwoStageTraining.RefineNaiveGate(model, features, images.Labels, new TrainingOptions(1, 20, 1e-2, 0.1), new Xoshiro256Random(11));
        Assert.Equal(backbone, Values(model.Backbone));
        Assert.Equal(aware, Values(model.AwareGate));
        Assert.Equal(expert, Values(model.ExpertNetworks[1]));
        Assert.NotEqual(naive, Values(model.NaiveGate));
    }

    [Fact]
    public void Training_is_bit_identical_for_the_same_seed()
    {
        static float[] Train()
        {
            var images = SyntheticImages.GaussianClusters(80, 3, 1, 28, 28, 0.3, seed: 3);
            using var model = new ChannelAwareMoe(5, 3, 1, 28, 28, 3, 8, 4);
            TwoStageTraining.TrainIdeal(model, images, new TrainingOptions(1, 40, 1e-3, 0.1), new Xoshiro256Random(9));
            var features = model.Features(images.Pixels, images.Count, 1, 28, 28);
            TwoStageTraining.TrainChannelAware(
                model, features, images.Labels, new DigitalTransmission(6, Modulation.Qpsk, 0), new SnrLaw(0, 20), new BlockFading(true),
                new TrainingOptions(1, 40, 1e-3, 0.1), new Xoshiro256Random(10));
            return model.AwareGate.parameters().SelectMany(p => TensorInput.ToArray(p)).ToArray();
        }

        Assert.Equal(Train(), Train());
    }
}
