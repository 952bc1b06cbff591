using EdgeMoE.Actors.Mec;
using EdgeMoE.Host.Checkpoints;
using EdgeMoE.Models.Moe.Continual;
using EdgeMoE.Models.Serialization;
using EdgeMoE.Policies.Mec;
using static TorchSharp.torch;

namespace EdgeMoE.Host.Scenarios.Mec;

/// <summary>
/// A MEC sweep's checkpoint: every run after the same step, in state.bin (coordinator, routing method, G_t tracker,
/// plain expert values) and experts.safetensors (the MLP experts' parameters and Adam moments, named
/// <c>run-R/server-M/...</c>). An expert that never took a task is not stored: a fresh one equals it.
/// </summary>
internal static class MecCheckpoint
{
    private const string StateFile = "state.bin";
    private const string TensorFile = "experts.safetensors";

    /// <summary>The parts of the checkpoint of <paramref name="snapshots"/> (one per run, any order) after <paramref name="step"/> steps.</summary>
    public static IReadOnlyList<CheckpointPart> Parts(long step, IReadOnlyList<MecRunKey> keys, IReadOnlyList<MecRunSnapshot> snapshots)
    {
        var state = new StateWriter().Section("mec").Long(step).Int(keys.Count);
        var tensors = new List<KeyValuePair<string, Tensor>>();
        foreach (var run in snapshots.OrderBy(s => s.Run))
        {
            var key = keys[run.Run];
            var c = run.Coordinator;
            state.Section("run").Int(run.Run).String(key.Method).Int(key.Experts).Int(key.Seed).Int(run.Step);
            state.Section("coordinator").Doubles(c.Errors).Int(c.Dropped).Ints(c.FreeFrom).Ints(c.Taken).Ints([.. c.Crashed.Select(b => b ? 1 : 0)]);
            state.Section("choice").Doubles(run.Choice.Values).Longs(run.Choice.Counters).ULongs(run.Choice.Generator);
            state.Section("error").Ints(run.Error.Counts).Doubles(run.Error.Contributions).Int(run.Error.Learned);
            state.Section("experts").Int(run.Experts.Count(e => e is not null));
            for (var m = 0; m < run.Experts.Count; m++)
            {
                if (run.Experts[m] is not { } expert)
                {
                    continue;
                }

                state.Int(m).Doubles(expert.Values).Longs(expert.Counters).Int(expert.Tensors.Count);
                foreach (var (name, tensor) in expert.Tensors)
                {
                    state.String(name);
                    tensors.Add(KeyValuePair.Create($"run-{run.Run}/server-{m}/{name}", tensor));
                }
            }
        }

        using var file = new MemoryStream();
        SafeTensors.Save(file, tensors);
        return [new CheckpointPart(StateFile, state.ToArray()), new CheckpointPart(TensorFile, file.ToArray())];
    }

    /// <summary>Every run's snapshot in <paramref name="checkpoint"/>, in sweep order; the caller disposes them.</summary>
    /// <exception cref="Cli.BadInputException">The checkpoint does not hold these runs or is corrupt (naming the file).</exception>
    public static IReadOnlyList<MecRunSnapshot> Read(LoadedCheckpoint checkpoint, IReadOnlyList<MecRunKey> keys)
    {
        var reader = checkpoint.Reader(StateFile);
        var tensorPath = Path.Combine(checkpoint.Dir, TensorFile);
        Dictionary<string, Tensor> tensors;
        try
        {
            using var stream = new MemoryStream(checkpoint.Part(TensorFile), writable: false);
            tensors = SafeTensors.Load(stream).ToDictionary(t => t.Key, t => t.Value);
        }
        catch (InvalidDataException e)
        {
            throw new Cli.BadInputException($"{tensorPath}: corrupt checkpoint: {e.Message}");
        }

        var step = reader.Section("mec").Long();
        var count = reader.Int();
        if (step != checkpoint.Step || count != keys.Count)
        {
            throw reader.Corrupt($"holds {count} runs after step {step}; the manifest says step {checkpoint.Step} and the configuration has {keys.Count} runs");
        }

        var runs = new List<MecRunSnapshot>();
        for (var r = 0; r < count; r++)
        {
            var key = keys[r];
            var (index, method, experts, seed, runStep) = (reader.Section("run").Int(), reader.String(), reader.Int(), reader.Int(), reader.Int());
            if (index != r || method != key.Method || experts != key.Experts || seed != key.Seed || runStep != step)
            {
                throw reader.Corrupt($"run {index} is {method} M={experts} seed {seed} at step {runStep}, expected run {r}: {key.Method} M={key.Experts} seed {key.Seed} at step {step}");
            }

            var coordinator = new MecCoordinatorState(
                reader.Section("coordinator").Doubles(), reader.Int(), reader.Ints(), reader.Ints(), [.. reader.Ints().Select(i => i != 0)]);
            var choice = new ServerChoiceState(reader.Section("choice").Doubles(), reader.Longs(), reader.ULongs());
            var error = new GeneralisationErrorState(reader.Section("error").Ints(), reader.Doubles(), reader.Int());
            var saved = new ContinualExpertState?[experts];
            var stored = reader.Section("experts").Int();
            for (var i = 0; i < stored; i++)
            {
                var m = reader.Int();
                if (m < 0 || m >= experts || saved[m] is not null)
                {
                    throw reader.Corrupt($"run {r} stores server {m}, which is out of range or repeated");
                }

                var (values, counters, names) = (reader.Doubles(), reader.Longs(), reader.Int());
                var named = new List<KeyValuePair<string, Tensor>>();
                for (var t = 0; t < names; t++)
                {
                    var name = reader.String();
                    var full = $"run-{r}/server-{m}/{name}";
                    named.Add(KeyValuePair.Create(name, tensors.Remove(full, out var tensor) ? tensor : throw new Cli.BadInputException($"{tensorPath}: corrupt checkpoint: no tensor {full}")));
                }

                saved[m] = new ContinualExpertState(values, counters, named);
            }

            runs.Add(new MecRunSnapshot(r, runStep, coordinator, choice, error, saved));
        }

        reader.End();
        foreach (var (_, unused) in tensors)
        {
            unused.Dispose();
        }

        return runs;
    }
}
