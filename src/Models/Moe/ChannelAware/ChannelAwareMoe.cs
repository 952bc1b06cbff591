using EdgeMoE.Models.Data;
using EdgeMoE.Models.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Moe.ChannelAware;

/// <summary>
/// The networks of the channel-aware MoE: the server's <see cref="LeNetBackbone"/> F, the naive gate G(z), the
/// channel-aware gate G_AW(z ‖ σ̃) and K experts, each an MLP 84 → hidden → classes. Every network is initialised
/// from its own generator, seeded from the run seed and the network's name.
/// </summary>
public sealed class ChannelAwareMoe : IDisposable
{
    /// <summary>Builds the networks for <paramref name="experts"/> experts on images of the given shape.</summary>
    /// <param name="seed">Run seed.</param>
    /// <param name="experts">K (≥ 1).</param>
    /// <param name="channels">Image channels.</param>
    /// <param name="height">Image height (pixels).</param>
    /// <param name="width">Image width (pixels).</param>
    /// <param name="classes">Classes (≥ 2).</param>
    /// <param name="expertHidden">Hidden width of each expert (64 in the issue).</param>
    /// <param name="gateHidden">Hidden width of both gates (0: linear gates).</param>
    public ChannelAwareMoe(long seed, int experts, int channels, int height, int width, int classes, int expertHidden, int gateHidden)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(experts);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        Experts = experts;
        Classes = classes;
        var name = $"channel-aware/K{experts}";
        Backbone = new LeNetBackbone(channels, height, width, NetworkSeed.Generator(seed, name + "/backbone"));
        NaiveGate = new GatingNetwork(LeNetBackbone.FeatureSize, experts, NetworkSeed.Generator(seed, name + "/naive-gate"), gateHidden);
        AwareGate = new GatingNetwork(LeNetBackbone.FeatureSize + experts, experts, NetworkSeed.Generator(seed, name + "/aware-gate"), gateHidden);
        ExpertNetworks = Enumerable.Range(0, experts)
            .Select(k => new MlpExpert(LeNetBackbone.FeatureSize, [expertHidden], classes, NetworkSeed.Generator(seed, $"{name}/expert-{k}")))
            .ToArray();
    }

    /// <summary>K.</summary>
    public int Experts { get; }

    /// <summary>Classes of the task.</summary>
    public int Classes { get; }

    /// <summary>F, on the server.</summary>
    public LeNetBackbone Backbone { get; }

    /// <summary>G(z): logits over experts from the features alone.</summary>
    public GatingNetwork NaiveGate { get; }

    /// <summary>G_AW(z ‖ σ̃): logits over experts from the features and every link's encoded distortion variance.</summary>
    public GatingNetwork AwareGate { get; }

    /// <summary>The K experts, one per edge device.</summary>
    public IReadOnlyList<MlpExpert> ExpertNetworks { get; }

    /// <summary>A detached copy of G's parameters, by name (the caller disposes them).</summary>
    public Dictionary<string, Tensor> SnapshotNaiveGate()
    {
        using var noGrad = torch.no_grad();
        return NaiveGate.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());
    }

    /// <summary>
    /// A detached copy of everything stage 1 trains: F, G and the experts, parameters and buffers, keyed as
    /// <see cref="Stage1Modules"/> names them (the caller disposes them).
    /// </summary>
    public Dictionary<string, Tensor> SnapshotStage1()
    {
        using var noGrad = torch.no_grad();
        return Stage1Modules()
            .SelectMany(m => m.Module.state_dict().Select(p => KeyValuePair.Create(m.Prefix + p.Key, p.Value.detach().clone())))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    /// <summary>Loads a <see cref="SnapshotStage1"/> copy back into F, G and the experts.</summary>
    /// <exception cref="ArgumentException">The copy lacks a tensor or has one of another shape (another K or size).</exception>
    public void RestoreStage1(IReadOnlyDictionary<string, Tensor> snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var noGrad = torch.no_grad();
        foreach (var (prefix, module) in Stage1Modules())
        {
            foreach (var (name, target) in module.state_dict())
            {
                if (!snapshot.TryGetValue(prefix + name, out var source) || !source.shape.SequenceEqual(target.shape))
                {
                    throw new ArgumentException($"the stage 1 snapshot has no tensor {prefix + name} of shape [{string.Join(", ", target.shape)}]", nameof(snapshot));
                }

                target.copy_(source);
            }
        }
    }

    /// <summary>The networks stage 1 trains, each with the prefix of its tensors' names: backbone., naive-gate., expert-k.</summary>
    public IEnumerable<(string Prefix, nn.Module Module)> Stage1Modules() =>
        [("backbone.", Backbone), ("naive-gate.", NaiveGate), .. ExpertNetworks.Select((e, k) => ($"expert-{k}.", (nn.Module)e))];

    /// <summary>
    /// Starts G_AW from G's parameters <paramref name="naive"/> (null: G as it is now): weights of the feature inputs
    /// are copied, weights of the CSI inputs zeroed, so that before stage 2 the channel-aware gate routes as that G.
    /// </summary>
    public void InitialiseAwareGateFromNaive(IReadOnlyDictionary<string, Tensor>? naive = null)
    {
        using var noGrad = torch.no_grad();
        naive ??= NaiveGate.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);
        foreach (var (name, aware) in AwareGate.named_parameters())
        {
            var source = naive[name];
            if (source.shape.SequenceEqual(aware.shape))
            {
                aware.copy_(source);
            }
            else
            {
                // The first layer: [out, 84] of G inside [out, 84 + K] of G_AW.
                aware.zero_();
                aware.narrow(1, 0, source.shape[1]).copy_(source);
            }
        }
    }

    /// <summary>Features z of images [count, C, H, W] (row-major), in batches; returns [count, 84] row-major.</summary>
    public float[] Features(ReadOnlySpan<float> pixels, int count, int channels, int height, int width, int batchSize = 500)
    {
        var imageSize = channels * height * width;
        var result = new float[count * LeNetBackbone.FeatureSize];
        using var noGrad = torch.no_grad();
        for (var start = 0; start < count; start += batchSize)
        {
            using var scope = torch.NewDisposeScope();
            var n = Math.Min(batchSize, count - start);
            var z = Backbone.forward(TensorInput.Floats(pixels.Slice(start * imageSize, n * imageSize), n, channels, height, width));
            z.contiguous().data<float>().CopyTo(result.AsSpan(start * LeNetBackbone.FeatureSize, n * LeNetBackbone.FeatureSize));
        }

        return result;
    }

    /// <summary>
    /// Top-1 expert of each row under the naive gate (<paramref name="csi"/> null) or the channel-aware gate
    /// (<paramref name="csi"/> = encoded σ̃ [count, K]); ties go to the lower expert index.
    /// </summary>
    public int[] Route(ReadOnlySpan<float> features, ReadOnlySpan<float> csi, bool aware)
    {
        var count = features.Length / LeNetBackbone.FeatureSize;
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var z = TensorInput.Floats(features, count, LeNetBackbone.FeatureSize);
        var logits = aware
            ? AwareGate.forward(torch.cat([z, TensorInput.Floats(csi, count, Experts)], 1))
            : NaiveGate.forward(z);
        return GatingNetwork.TopK(logits, 1).Select(row => row[0]).ToArray();
    }

    /// <summary>Top-1 accuracy (a fraction) of F, G and the experts on <paramref name="images"/> over ideal links.</summary>
    public double IdealAccuracy(LabeledImages images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0)
        {
            return 0;
        }

        const int width = LeNetBackbone.FeatureSize;
        var features = Features(images.Pixels, images.Count, images.Channels, images.Height, images.Width);
        var routes = Route(features, [], aware: false);
        var correct = 0;
        for (var k = 0; k < Experts; k++)
        {
            var rows = Enumerable.Range(0, images.Count).Where(i => routes[i] == k).ToArray();
            var gathered = new float[rows.Length * width];
            for (var r = 0; r < rows.Length; r++)
            {
                features.AsSpan(rows[r] * width, width).CopyTo(gathered.AsSpan(r * width, width));
            }

            var predicted = Predictions(ExpertLogits(ExpertNetworks[k], gathered), Classes);
            correct += rows.Where((row, r) => predicted[r] == images.Labels[row]).Count();
        }

        return (double)correct / images.Count;
    }

    /// <summary>Logits [rows, classes] of expert network <paramref name="expert"/> on feature rows [rows, 84].</summary>
    public static float[] ExpertLogits(MlpExpert expert, ReadOnlySpan<float> rows)
    {
        ArgumentNullException.ThrowIfNull(expert);
        var count = rows.Length / expert.InputSize;
        if (count == 0)
        {
            return [];
        }

        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        return TensorInput.ToArray(expert.forward(TensorInput.Floats(rows, count, expert.InputSize)));
    }

    /// <summary>The class each row of logits [rows, classes] predicts (ties to the lower class).</summary>
    public static int[] Predictions(ReadOnlySpan<float> logits, int classes)
    {
        var rows = logits.Length / classes;
        var result = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            var row = logits.Slice(r * classes, classes);
            var best = 0;
            for (var c = 1; c < classes; c++)
            {
                if (row[c] > row[best])
                {
                    best = c;
                }
            }

            result[r] = best;
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Backbone.Dispose();
        NaiveGate.Dispose();
        AwareGate.Dispose();
        foreach (var expert in ExpertNetworks)
        {
            expert.Dispose();
        }
    }
}
