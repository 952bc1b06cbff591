using EdgeMoE.Models.Data;
using EdgeMoE.Models.Moe.Federated;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Randomness;

namespace EdgeMoE.Models.Vit;

/// <summary>
/// Central training of a <see cref="MoeVit"/> (Top-k gating, Adam, cross-entropy) on raw pixels in [0, 1], the input
/// the emulation feeds its nodes; initialisation and shuffling derive from the seed.
/// </summary>
public static class MoeVitTraining
{
    /// <summary>Trains a new network on <paramref name="train"/> and returns it.</summary>
    /// <param name="train">Training images, single channel, square.</param>
    /// <param name="options">The network's shape.</param>
    /// <param name="epochs">Passes over the data (≥ 1).</param>
    /// <param name="batch">Images per step (≥ 1).</param>
    /// <param name="learningRate">Adam's step size (&gt; 0).</param>
    /// <param name="seed">Seeds initialisation and shuffling.</param>
    /// <param name="progress">Receives a line per epoch (mean loss).</param>
    /// <param name="resume">A state <paramref name="epochDone"/> was handed by an earlier run of the same arguments: training continues after its epoch.</param>
    /// <param name="epochDone">Called after each epoch with the epoch (from 1) and a copy of the training state made on demand (for a checkpoint).</param>
    public static MoeVit Train(
        LabeledImages train, MoeVitOptions options, int epochs, int batch, double learningRate, int seed, Action<string> progress,
        MoeVitTrainingState? resume = null, Action<int, Func<MoeVitTrainingState>>? epochDone = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(progress);
        using var generator = NetworkSeed.Generator(seed, "moe-vit");
        var model = new MoeVit(options, generator);
        var optimizer = new PinnedScalarAdam(model.parameters(), learningRate);
        var trainer = new ClassifierTrainer(model, optimizer);
        var stepsPerEpoch = (train.Count + batch - 1) / batch;
        var totalSteps = (long)stepsPerEpoch * epochs;
        var warmup = Math.Max(1, stepsPerEpoch / 10);
        long step = 0;
        var order = Enumerable.Range(0, train.Count).ToArray();
        var shuffle = new Xoshiro256Random(NetworkSeed.For(seed, "moe-vit-shuffle"));
        var first = 1;
        if (resume is not null)
        {
            if (resume.Order.Length != order.Length)
            {
                throw new ArgumentException($"the training state shuffles {resume.Order.Length} images, the data has {order.Length}", nameof(resume));
            }

            resume.Weights.LoadInto(model);
            optimizer.ImportMoments(resume.Optimiser);
            shuffle.SetState(resume.Shuffle);
            (order, step, first) = ([.. resume.Order], resume.Step, resume.Epoch + 1);
        }

        var pixels = new float[batch * train.ImageSize];
        var labels = new int[batch];
        for (var epoch = first; epoch <= epochs; epoch++)
        {
            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = shuffle.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }

            double loss = 0;
            var steps = 0;
            for (var start = 0; start < order.Length; start += batch)
            {
                var count = Math.Min(batch, order.Length - start);
                // Linear warm-up over a tenth of an epoch, then linear decay to zero, so a short run ends on settled weights.
                var fraction = Math.Min(1.0, (step + 1.0) / warmup) * (1.0 - ((double)step / totalSteps));
                foreach (var group in optimizer.ParamGroups)
                {
                    group.LearningRate = learningRate * fraction;
                }

                step++;
                train.Gather(order.AsSpan(start, count), pixels, labels);
                loss += trainer.Step(pixels.AsSpan(0, count * train.ImageSize), labels.AsSpan(0, count), train.Channels, train.Height, train.Width);
                steps++;
            }

            progress(FormattableString.Invariant($"moe-vit epoch {epoch}/{epochs}: mean loss {loss / Math.Max(steps, 1):F4}"));
            var (done, taken) = (epoch, step);
            epochDone?.Invoke(epoch, () => new MoeVitTrainingState(done, taken, [.. order], shuffle.GetState(), ModelWeights.Of(model), optimizer.ExportMoments()));
        }

        return model;
    }

    /// <summary>Test accuracy of the centralised network (Top-k of training) on <paramref name="test"/>.</summary>
    public static double Accuracy(MoeVit model, LabeledImages test)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(test);
        var trainer = new ClassifierTrainer(model, new PinnedScalarAdam(model.parameters()));
        return trainer.Accuracy(test.Pixels, test.Labels, test.Channels, test.Height, test.Width);
    }

    /// <summary>A network of <paramref name="options"/>' shape with the weights of the safetensors file <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a MoE-ViT of that shape.</exception>
    public static MoeVit Load(string path, MoeVitOptions options)
    {
        using var generator = NetworkSeed.Generator(0, "moe-vit-load");
        var model = new MoeVit(options, generator);
        try
        {
            Serialization.SafeTensors.Load(path, model);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
