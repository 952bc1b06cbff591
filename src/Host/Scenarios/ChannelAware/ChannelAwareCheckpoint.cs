using EdgeMoE.Host.Checkpoints;
using EdgeMoE.Host.Cli;
using EdgeMoE.Models.Moe.ChannelAware;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Serialization;
using TorchSharp;
using static TorchSharp.torch;

namespace EdgeMoE.Host.Scenarios.ChannelAware;

/// <summary>A checkpoint read back: position, finished points and the tensors to load (the holder disposes them).</summary>
/// <param name="Position">Where the run stood.</param>
/// <param name="Results">The sweep points done so far.</param>
/// <param name="Model">The networks' tensors (names as <see cref="ChannelAwareCheckpoint"/> writes them).</param>
/// <param name="Stage1Gate">G as stage 1 left it, once stage 1 is over; null before.</param>
/// <param name="Stage1Best">F, G and the experts at stage 1's best held-out epoch so far, while stage 1 runs with <c>stage1-weights = best</c>; null otherwise.</param>
/// <param name="Generator">The current training phase's xoshiro256** state; empty outside training.</param>
/// <param name="Moments">The current training phase's Adam state; empty outside training.</param>
internal sealed record ChannelAwareResume(
    ChannelAwarePosition Position, IReadOnlyList<ChannelAwareResult> Results, IReadOnlyDictionary<string, Tensor> Model,
    Dictionary<string, Tensor>? Stage1Gate, Dictionary<string, Tensor>? Stage1Best, ulong[] Generator, IReadOnlyList<AdamMoments> Moments) : IDisposable
{
    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var tensor in Model.Values.Concat(Stage1Gate?.Values ?? Enumerable.Empty<Tensor>()).Concat(Stage1Best?.Values ?? Enumerable.Empty<Tensor>()))
        {
            tensor.Dispose();
        }
    }
}

/// <summary>
/// The channel-aware scenario's checkpoint: state.bin (position, stage 1's stopping state, the phase's generator,
/// Adam step counts, finished points), model.safetensors (F, G, G_AW, the experts, during stage 1 the copy of F, G and
/// the experts at its best held-out epoch when it keeps that one, and after stage 1, G as stage 1 left it) and optimiser.safetensors (the current phase's Adam moments). The networks draw from torch generators
/// only when built, so their weights carry all torch randomness.
/// </summary>
internal static class ChannelAwareCheckpoint
{
    private const string StateFile = "state.bin";
    private const string ModelFile = "model.safetensors";
    private const string OptimiserFile = "optimiser.safetensors";
    private const string Stage1GatePrefix = "stage1-gate.";
    private const string Stage1BestPrefix = "stage1-best.";

    /// <summary>The parts of a checkpoint at <paramref name="position"/>.</summary>
    public static IReadOnlyList<CheckpointPart> Parts(
        ChannelAwarePosition position, int experts, IReadOnlyList<ChannelAwareResult> results, ChannelAwareMoe model,
        IReadOnlyDictionary<string, Tensor>? stage1Gate, IReadOnlyDictionary<string, Tensor>? stage1Best, Random? random, PinnedScalarAdam? optimizer)
    {
        var state = new StateWriter().Section("position")
            .Long(position.Units).Int(position.ExpertsIndex).Int(experts).Int(position.Phase).Int(position.Done)
            .Bool(position.Stage1Stopped).Double(position.Best).Int(position.BestEpoch).Int(position.Stale).Int(position.Drops).Bool(position.Ideal is not null).Double(position.Ideal ?? 0);
        state.Section("generator").ULongs(random is null ? [] : ((Models.Randomness.Xoshiro256Random)random).GetState());
        using var scope = torch.NewDisposeScope();
        var moments = optimizer is null ? [] : optimizer.ExportMoments();
        state.Section("adam").Longs([.. moments.Select(m => m.Step)]);
        state.Section("results").Int(results.Count);
        foreach (var r in results)
        {
            state.String(r.Mode).Int(r.Experts).Double(r.SnrDb).Double(r.Naive).Double(r.Aware).Double(r.Ideal).Ints([.. r.NaiveChosen]).Ints([.. r.AwareChosen]);
        }

        var tensors = Modules(model).SelectMany(m => m.Module.state_dict().Select(p => KeyValuePair.Create(m.Prefix + p.Key, p.Value))).ToList();
        tensors.AddRange((stage1Gate ?? new Dictionary<string, Tensor>()).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(Stage1GatePrefix + p.Key, p.Value)));
        tensors.AddRange((stage1Best ?? new Dictionary<string, Tensor>()).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(Stage1BestPrefix + p.Key, p.Value)));
        var optimiser = moments.SelectMany((m, i) => new[] { KeyValuePair.Create($"adam.{i}.exp_avg", torch.tensor(m.ExpAvg)), KeyValuePair.Create($"adam.{i}.exp_avg_sq", torch.tensor(m.ExpAvgSq)) }).ToList();
        return [new CheckpointPart(StateFile, state.ToArray()), new CheckpointPart(ModelFile, Safetensors(tensors)), new CheckpointPart(OptimiserFile, Safetensors(optimiser))];
    }

    /// <summary>Reads <paramref name="checkpoint"/> for a scenario whose K are <paramref name="experts"/>.</summary>
    /// <exception cref="BadInputException">A part is corrupt or does not fit the configuration (naming the file).</exception>
    public static ChannelAwareResume Read(LoadedCheckpoint checkpoint, IReadOnlyList<int> experts)
    {
        var reader = checkpoint.Reader(StateFile);
        var units = reader.Section("position").Long();
        var (index, k, phase, done, stopped, best, bestEpoch, stale, drops, hasIdeal, ideal) =
            (reader.Int(), reader.Int(), reader.Int(), reader.Int(), reader.Bool(), reader.Double(), reader.Int(), reader.Int(), reader.Int(), reader.Bool(), reader.Double());
        if (units != checkpoint.Step || index < 0 || index >= experts.Count || experts[index] != k || phase < 0 || done < 0 || bestEpoch < 0 || drops < 0)
        {
            throw reader.Corrupt($"position (step {units}, K index {index} = {k}, phase {phase}, {done} done) does not fit the manifest's step {checkpoint.Step} and K = {string.Join(", ", experts)}");
        }

        var generator = reader.Section("generator").ULongs();
        var steps = reader.Section("adam").Longs();
        var count = reader.Section("results").Int();
        var results = new List<ChannelAwareResult>();
        for (var i = 0; i < count; i++)
        {
            results.Add(new ChannelAwareResult(reader.String(), reader.Int(), reader.Double(), reader.Double(), reader.Double(), reader.Double(), reader.Ints(), reader.Ints()));
        }

        reader.End();
        var model = Tensors(checkpoint, ModelFile);
        var stage1Gate = Prefixed(model, Stage1GatePrefix);
        var stage1Best = Prefixed(model, Stage1BestPrefix);
        var optimiser = Tensors(checkpoint, OptimiserFile);
        var moments = steps.Select((step, i) => new AdamMoments(step, Take(checkpoint, optimiser, OptimiserFile, $"adam.{i}.exp_avg"), Take(checkpoint, optimiser, OptimiserFile, $"adam.{i}.exp_avg_sq"))).ToList();
        foreach (var tensor in optimiser.Values)
        {
            tensor.Dispose();
        }

        var position = new ChannelAwarePosition(units, index, phase, done, stopped, best, bestEpoch, stale, drops, hasIdeal ? ideal : null);
        return new ChannelAwareResume(position, results, model, stage1Gate.Count == 0 ? null : stage1Gate, stage1Best.Count == 0 ? null : stage1Best, generator, moments);
    }

    /// <summary>Loads the networks of <paramref name="resume"/> into <paramref name="model"/> (same K and sizes).</summary>
    public static void Load(ChannelAwareMoe model, ChannelAwareResume resume, string checkpointDir)
    {
        using var noGrad = torch.no_grad();
        foreach (var (prefix, module) in Modules(model))
        {
            foreach (var (name, target) in module.state_dict())
            {
                var source = resume.Model.TryGetValue(prefix + name, out var t)
                    ? t
                    : throw new BadInputException($"{Path.Combine(checkpointDir, ModelFile)}: corrupt checkpoint: no tensor {prefix + name}");
                if (!source.shape.SequenceEqual(target.shape))
                {
                    throw new BadInputException($"{Path.Combine(checkpointDir, ModelFile)}: corrupt checkpoint: {prefix + name} has shape [{string.Join(", ", source.shape)}], the network [{string.Join(", ", target.shape)}]");
                }

                target.copy_(source);
            }
        }
    }

    // The tensors named with prefix, taken out of model, keyed without the prefix.
    private static Dictionary<string, Tensor> Prefixed(Dictionary<string, Tensor> model, string prefix) =>
        model.Keys.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToList()
            .ToDictionary(n => n[prefix.Length..], n => model.Remove(n, out var t) ? t : throw new InvalidOperationException(n), StringComparer.Ordinal);

    private static IEnumerable<(string Prefix, nn.Module Module)> Modules(ChannelAwareMoe model) =>
        [.. model.Stage1Modules(), ("aware-gate.", model.AwareGate)];

    private static byte[] Safetensors(IEnumerable<KeyValuePair<string, Tensor>> tensors)
    {
        using var stream = new MemoryStream();
        SafeTensors.Save(stream, tensors);
        return stream.ToArray();
    }

    private static Dictionary<string, Tensor> Tensors(LoadedCheckpoint checkpoint, string part)
    {
        try
        {
            using var stream = new MemoryStream(checkpoint.Part(part), writable: false);
            return SafeTensors.Load(stream).ToDictionary(t => t.Key, t => t.Value);
        }
        catch (InvalidDataException e)
        {
            throw new BadInputException($"{Path.Combine(checkpoint.Dir, part)}: corrupt checkpoint: {e.Message}");
        }
    }

    private static float[] Take(LoadedCheckpoint checkpoint, Dictionary<string, Tensor> tensors, string part, string name)
    {
        using var tensor = tensors.Remove(name, out var t) ? t : throw new BadInputException($"{Path.Combine(checkpoint.Dir, part)}: corrupt checkpoint: no tensor {name}");
        return TensorInput.ToArray(tensor);
    }
}
