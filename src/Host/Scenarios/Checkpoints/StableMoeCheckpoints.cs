using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Host.Checkpoints;
using EdgeMoE.Host.Cli;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Serialization;
using TorchSharp;

namespace EdgeMoE.Host.Scenarios.Checkpoints;

/// <summary>
/// The checkpoints of a Stable-MoE run. Policies are independent emulations, so a checkpoint holds each policy's own
/// progress: finished (its rows), at a slot barrier (its rows and its network's snapshot) or not started. Each policy
/// has two parts, <c>policy-NAME.bin</c> (rows, actor states) and <c>policy-NAME.safetensors</c> (weights and Adam
/// moments of its router's gate and servers' experts); the step is the number of slots done, summed over the policies.
/// Queued and in-flight tokens keep their images as training-set indices (varints), which a resumed run turns back into
/// pixels from the same data set (<see cref="SnapshotImages"/>); what bounds a checkpoint is thus the token count, not
/// the pixels (the baselines' queues grow without bound).
/// </summary>
internal sealed class StableMoeCheckpoints
{
    private readonly Checkpointing _checkpointing;
    private readonly IReadOnlyList<string> _policies;
    private readonly TokenImages _images;
    private readonly PolicyProgress[] _progress;
    private readonly CheckpointPart[][] _parts;
    private readonly Lock _gate = new();

    /// <summary>
    /// Checkpoints of a run of <paramref name="policies"/> (report order) drawing tokens from <paramref name="images"/>,
    /// starting from <paramref name="checkpointing"/>'s resume point if any.
    /// </summary>
    /// <exception cref="BadInputException">
    /// The checkpoint to resume from does not fit these policies or data set, or is corrupt; the message names the file.
    /// </exception>
    public StableMoeCheckpoints(Checkpointing checkpointing, IReadOnlyList<string> policies, TokenImages images)
    {
        _checkpointing = checkpointing;
        _policies = policies;
        _images = images;
        _progress = [.. policies.Select(_ => PolicyProgress.NotStarted)];
        _parts = [.. policies.Select(_ => Array.Empty<CheckpointPart>())];
        if (checkpointing.Resume is { } resume)
        {
            for (var p = 0; p < policies.Count; p++)
            {
                if (resume.Parts.ContainsKey(StateName(policies[p])))
                {
                    _progress[p] = Read(resume, policies[p], images);
                    _parts[p] = [.. PartNames(policies[p]).Where(resume.Parts.ContainsKey).Select(n => new CheckpointPart(n, resume.Parts[n]))];
                }
            }
        }
    }

    /// <summary>Where policy <paramref name="index"/> stands at the start of this process (not started for a fresh run).</summary>
    public PolicyProgress Kept(int index) => _progress[index];

    /// <summary>
    /// The actor states policy <paramref name="index"/>'s network continues from, by stable name, with their token
    /// images gathered from the training set (remote actors get them with their state); null for a fresh network.
    /// </summary>
    public IReadOnlyDictionary<string, ActorSnapshot>? Restore(int index) =>
        _progress[index].Snapshot?.Actors.ToDictionary(a => a.Actor, a => SnapshotImages.Attach(a, _images.Train), StringComparer.Ordinal);

    /// <summary>Slots between snapshots, 0 when no checkpoints are written.</summary>
    public int Every => _checkpointing.Every ?? 0;

    /// <summary>Policy <paramref name="index"/> reached a checkpoint barrier: writes a checkpoint with every policy's latest progress.</summary>
    /// <param name="index">The policy, in report order.</param>
    /// <param name="snapshot">Its network's state.</param>
    /// <param name="rows">Its slots so far.</param>
    /// <param name="collecting">Wall time from the barrier to the snapshot's arrival (counted as checkpoint time).</param>
    public void Snapshot(int index, NetworkSnapshot snapshot, IReadOnlyList<SlotMetrics> rows, TimeSpan collecting)
    {
        _checkpointing.Count(collecting);
        Update(index, new PolicyProgress([.. rows], snapshot, false), write: true);
    }

    /// <summary>Policy <paramref name="index"/> finished: later checkpoints keep its rows only.</summary>
    public void Finished(int index, IReadOnlyList<SlotMetrics> rows)
    {
        if (_checkpointing.Every is not null)
        {
            Update(index, new PolicyProgress([.. rows], null, true), write: false);
        }
    }

    private void Update(int index, PolicyProgress progress, bool write)
    {
        lock (_gate)
        {
            IReadOnlyList<CheckpointPart> all;
            long step;
            using (_checkpointing.Measure())
            {
                _parts[index] = Parts(_policies[index], progress, _images);
                // The encoded parts are what later checkpoints repeat; the snapshot itself can go.
                _progress[index] = progress with { Snapshot = null };
                if (!write)
                {
                    return;
                }

                all = [.. _parts.SelectMany(p => p)];
                step = _progress.Sum(p => p.SlotsDone);
            }

            _checkpointing.Save(step, all);
        }
    }

    private static string StateName(string policy) => $"policy-{policy}.bin";

    private static string TensorsName(string policy) => $"policy-{policy}.safetensors";

    private static string[] PartNames(string policy) => [StateName(policy), TensorsName(policy)];

    private static CheckpointPart[] Parts(string policy, PolicyProgress progress, TokenImages images)
    {
        var size = (progress.Rows.Count * 1024L) + (progress.Snapshot?.Actors.Sum(a => a.State.Length + (3L * a.ImageIndices.Length) + 256) ?? 0);
        var w = new StateWriter((int)Math.Min(size, Array.MaxLength)).Section("policy").String(policy).Bool(progress.Finished).Int(progress.Rows.Count)
            .String(images.Name).Int(images.Train.Count);
        w.Section("rows");
        foreach (var row in progress.Rows)
        {
            SlotMetricsState.Write(w, row);
        }

        w.Section("actors");
        var actors = progress.Snapshot?.Actors ?? [];
        w.Long(progress.Snapshot?.Slot ?? -1).Int(actors.Count);
        foreach (var actor in actors)
        {
            w.String(actor.Actor).Long(actor.Slot).Bytes(actor.State).VarInts(actor.ImageIndices).Int(actor.Tensors.Count);
            foreach (var tensor in actor.Tensors)
            {
                w.String(tensor.Name);
            }
        }

        var parts = new List<CheckpointPart> { new(StateName(policy), w.ToArray()) };
        if (actors.Any(a => a.Tensors.Count > 0))
        {
            parts.Add(new CheckpointPart(TensorsName(policy), Tensors(actors)));
        }

        return [.. parts];
    }

    /// <summary>Every network tensor of the actors as one safetensors file, named "actor/tensor" (what PyTorch reads).</summary>
    private static byte[] Tensors(IReadOnlyList<ActorSnapshot> actors)
    {
        using var scope = torch.NewDisposeScope();
        var tensors = actors.SelectMany(a => a.Tensors.Select(t => new KeyValuePair<string, torch.Tensor>($"{a.Actor}/{t.Name}", torch.tensor(t.Values)))).ToArray();
        using var bytes = new MemoryStream();
        SafeTensors.Save(bytes, tensors);
        return bytes.ToArray();
    }

    private static PolicyProgress Read(LoadedCheckpoint checkpoint, string policy, TokenImages images)
    {
        var r = checkpoint.Reader(StateName(policy));
        var name = r.Section("policy").String();
        if (name != policy)
        {
            throw r.Corrupt($"it holds policy {name}, not {policy}");
        }

        var finished = r.Bool();
        var count = r.Int();
        if (count < 0)
        {
            throw r.Corrupt($"{count} rows");
        }

        var dataSet = r.String();
        var trainCount = r.Int();
        if (dataSet != images.Name || trainCount != images.Train.Count)
        {
            // Tokens name their images by training-set index: only the same set gives them back.
            throw new BadInputException(
                $"{r.File}: the checkpoint's tokens come from {dataSet} ({trainCount} training images), this run uses {images.Name} ({images.Train.Count})");
        }

        r.Section("rows");
        var rows = new SlotMetrics[count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = SlotMetricsState.Read(r);
        }

        r.Section("actors");
        var slot = r.Long();
        var actorCount = r.Int();
        var actors = new List<(string Actor, long Slot, byte[] State, int[] Images, string[] Tensors)>();
        for (var i = 0; i < actorCount; i++)
        {
            var actor = r.String();
            var actorSlot = r.Long();
            var state = r.Bytes();
            var indices = r.VarInts();
            var tensors = new string[r.Int()];
            for (var t = 0; t < tensors.Length; t++)
            {
                tensors[t] = r.String();
            }

            if (SnapshotImages.FirstOutOfRange(new ActorSnapshot(actorSlot, actor, state, []) { ImageIndices = indices }, images.Train.Count) is { } bad)
            {
                throw r.Corrupt($"{actor} holds a token of training image {bad}, outside the {images.Train.Count} images of {images.Name}");
            }

            actors.Add((actor, actorSlot, state, indices, tensors));
        }

        r.End();
        if (actors.Count == 0)
        {
            return new PolicyProgress(rows, null, finished);
        }

        var values = actors.Any(a => a.Tensors.Length > 0) ? ReadTensors(checkpoint, policy) : [];
        var snapshots = actors.Select(a => new ActorSnapshot(a.Slot, a.Actor, a.State, [.. a.Tensors.Select(t =>
            new NamedTensor(t, values.TryGetValue($"{a.Actor}/{t}", out var v) ? v : throw new BadInputException(
                $"{Path.Combine(checkpoint.Dir, TensorsName(policy))}: corrupt checkpoint: no tensor {a.Actor}/{t}")))]) { ImageIndices = a.Images }).ToArray();
        return new PolicyProgress(rows, new NetworkSnapshot(slot, snapshots), finished);
    }

    private static Dictionary<string, float[]> ReadTensors(LoadedCheckpoint checkpoint, string policy)
    {
        var file = Path.Combine(checkpoint.Dir, TensorsName(policy));
        try
        {
            using var scope = torch.NewDisposeScope();
            using var bytes = new MemoryStream(checkpoint.Part(TensorsName(policy)), writable: false);
            return SafeTensors.Load(bytes).ToDictionary(t => t.Key, t => TensorInput.ToArray(t.Value), StringComparer.Ordinal);
        }
        catch (InvalidDataException e)
        {
            throw new BadInputException($"{file}: corrupt checkpoint: {e.Message}", e);
        }
    }
}
