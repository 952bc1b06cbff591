using EdgeMoE.Actors.Nmoe;
using EdgeMoE.Host.Checkpoints;
using EdgeMoE.Host.Scenarios.Resume;
using EdgeMoE.Models.Evaluation;
using EdgeMoE.Models.Moe.Federated;
using EdgeMoE.Models.Nn;

namespace EdgeMoE.Host.Scenarios.Nmoe;

/// <summary>
/// An NMoE checkpoint's files: state.bin (counters, finished results, rounds, generators, names and shapes),
/// weights.safetensors (the host's global networks) and client-N.safetensors (each client's networks, Adam moments,
/// features and p_i(y|h)).
/// </summary>
internal static class NmoeCheckpoint
{
    private const string State = "state.bin";
    private const string Weights = "weights.safetensors";

    /// <summary>The parts of <paramref name="snapshot"/>.</summary>
    public static IReadOnlyList<CheckpointPart> Parts(NmoeSnapshot snapshot)
    {
        var state = new StateWriter();
        state.Section("nmoe").Int(snapshot.Partition).Long(snapshot.PartitionFirstStep);
        state.Section("done").Int(snapshot.Done.Count);
        foreach (var (results, rounds) in snapshot.Done)
        {
            WriteResults(state, results);
            WriteRounds(state, rounds);
        }

        var current = snapshot.Current;
        state.Section("data").Int(snapshot.TrainLabels.Count);
        foreach (var labels in snapshot.TrainLabels)
        {
            state.Ints(labels);
        }

        state.Section("partition");
        WriteResults(state, current.Results);
        WriteRounds(state, current.Rounds);
        state.Bool(current.Centralised is not null);
        if (current.Centralised is { } centralised)
        {
            WriteResults(state, [centralised]);
        }

        var weights = new List<KeyValuePair<string, float[]>>();
        WriteNetworks(state.Section("weights"), current.Weights, "", weights);
        state.Section("server").Int(current.Server.Sampling.Count);
        foreach (var (task, words) in current.Server.Sampling.OrderBy(s => s.Key))
        {
            state.Int((int)task).ULongs(words);
        }

        var parts = new List<CheckpointPart>();
        state.Section("clients").Int(current.Clients.Count);
        for (var c = 0; c < current.Clients.Count; c++)
        {
            parts.Add(FloatArrayPart.Write(ClientPart(c), WriteClient(state.Section($"client-{c}"), current.Clients[c])));
        }

        parts.Add(FloatArrayPart.Write(Weights, weights));
        parts.Insert(0, new CheckpointPart(State, state.ToArray()));
        return parts;
    }

    /// <summary>The snapshot <paramref name="checkpoint"/> holds.</summary>
    /// <exception cref="Cli.BadInputException">A part is corrupt; the message names its file and section.</exception>
    public static NmoeSnapshot Read(LoadedCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var state = checkpoint.Reader(State);
        state.Section("nmoe");
        var partition = state.Int();
        var firstStep = state.Long();
        var done = new List<(IReadOnlyList<NmoeMethodResult>, IReadOnlyList<RoundRecord>)>();
        var finished = Count(state.Section("done"));
        for (var p = 0; p < finished; p++)
        {
            done.Add((ReadResults(state), ReadRounds(state)));
        }

        var labels = new int[Count(state.Section("data"))][];
        for (var c = 0; c < labels.Length; c++)
        {
            labels[c] = state.Ints();
        }

        state.Section("partition");
        var results = ReadResults(state);
        var rounds = ReadRounds(state);
        var centralised = state.Bool() ? ReadResults(state).Single() : null;
        var weights = ReadNetworks(state.Section("weights"), FloatArrayPart.Read(checkpoint, Weights), "", Path.Combine(checkpoint.Dir, Weights));
        var sampling = new Dictionary<FederatedTask, ulong[]>();
        var tasks = Count(state.Section("server"));
        for (var t = 0; t < tasks; t++)
        {
            sampling[Task(state)] = state.ULongs();
        }

        var clients = new List<FederatedClientState>();
        var count = Count(state.Section("clients"));
        for (var c = 0; c < count; c++)
        {
            clients.Add(ReadClient(state.Section($"client-{c}"), FloatArrayPart.Read(checkpoint, ClientPart(c)), Path.Combine(checkpoint.Dir, ClientPart(c))));
        }

        state.End();
        return new NmoeSnapshot(partition, firstStep, done, labels, new NmoePartitionState(results, rounds, weights, centralised, clients, new ServerState(sampling)));
    }

    private static string ClientPart(int client) => $"client-{client}.safetensors";

    private static List<KeyValuePair<string, float[]>> WriteClient(StateWriter state, FederatedClientState client)
    {
        var arrays = new List<KeyValuePair<string, float[]>>();
        state.Int(client.Randoms.Count);
        foreach (var (purpose, words) in client.Randoms.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            state.String(purpose).ULongs(words);
        }

        WriteNetworks(state, client.Networks, "net/", arrays);
        state.Int(client.Optimisers.Count);
        foreach (var (key, adam) in client.Optimisers.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            state.String(key).Double(adam.LearningRate).Longs([.. adam.Parameters.Select(p => p.Step)]);
            for (var i = 0; i < adam.Parameters.Count; i++)
            {
                arrays.Add(new($"adam/{key}/{i}/avg", adam.Parameters[i].ExpAvg));
                arrays.Add(new($"adam/{key}/{i}/sq", adam.Parameters[i].ExpAvgSq));
            }
        }

        state.Int(client.Arrays.Count);
        foreach (var (key, values) in client.Arrays.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            state.String(key);
            arrays.Add(new($"array/{key}", values));
        }

        state.Int(client.PseudoLabels.Count);
        foreach (var (key, labels) in client.PseudoLabels.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            state.String(key).Ints(labels);
        }

        return arrays;
    }

    private static FederatedClientState ReadClient(StateReader state, IReadOnlyDictionary<string, float[]> arrays, string file)
    {
        var randoms = new Dictionary<string, ulong[]>(StringComparer.Ordinal);
        var count = Count(state);
        for (var i = 0; i < count; i++)
        {
            randoms[state.String()] = state.ULongs();
        }

        var networks = ReadNetworks(state, arrays, "net/", file);
        var optimisers = new Dictionary<string, AdamSnapshot>(StringComparer.Ordinal);
        count = Count(state);
        for (var i = 0; i < count; i++)
        {
            var key = state.String();
            var rate = state.Double();
            var steps = state.Longs();
            optimisers[key] = new AdamSnapshot(
                rate, [.. steps.Select((step, p) => new AdamMoments(step, arrays.Get($"adam/{key}/{p}/avg", file), arrays.Get($"adam/{key}/{p}/sq", file)))]);
        }

        var computed = new Dictionary<string, float[]>(StringComparer.Ordinal);
        count = Count(state);
        for (var i = 0; i < count; i++)
        {
            var key = state.String();
            computed[key] = arrays.Get($"array/{key}", file);
        }

        var pseudo = new Dictionary<string, int[]>(StringComparer.Ordinal);
        count = Count(state);
        for (var i = 0; i < count; i++)
        {
            pseudo[state.String()] = state.Ints();
        }

        return new FederatedClientState(randoms, networks, optimisers, computed, pseudo);
    }

    private static void WriteNetworks(StateWriter state, IReadOnlyDictionary<string, ModelWeights> networks, string prefix, List<KeyValuePair<string, float[]>> arrays)
    {
        state.Int(networks.Count);
        foreach (var (key, weights) in networks.OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            state.String(key).Int(weights.Names.Count);
            for (var i = 0; i < weights.Names.Count; i++)
            {
                state.String(weights.Names[i]);
                arrays.Add(new($"{prefix}{key}/{weights.Names[i]}", weights.Values[i]));
            }
        }
    }

    private static Dictionary<string, ModelWeights> ReadNetworks(StateReader state, IReadOnlyDictionary<string, float[]> arrays, string prefix, string file)
    {
        var networks = new Dictionary<string, ModelWeights>(StringComparer.Ordinal);
        var count = Count(state);
        for (var n = 0; n < count; n++)
        {
            var key = state.String();
            var names = new string[Count(state)];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = state.String();
            }

            networks[key] = new ModelWeights(names, [.. names.Select(name => arrays.Get($"{prefix}{key}/{name}", file))]);
        }

        return networks;
    }

    private static void WriteResults(StateWriter state, IReadOnlyList<NmoeMethodResult> results)
    {
        state.Int(results.Count);
        foreach (var r in results)
        {
            state.String(r.Method).String(r.Partition).Double(r.Accuracy).Double(r.F1).Double(r.Auc).Double(r.LocalRatio).Long(r.LinkBits);
            state.Int(r.Gating?.Count ?? -1);
            foreach (var row in r.Gating ?? [])
            {
                state.Ints([.. row]);
            }
        }
    }

    private static List<NmoeMethodResult> ReadResults(StateReader state)
    {
        var results = new List<NmoeMethodResult>();
        var count = Count(state);
        for (var i = 0; i < count; i++)
        {
            var result = new NmoeMethodResult(state.String(), state.String(), state.Double(), state.Double(), state.Double(), state.Double(), state.Long());
            var rows = state.Int();
            if (rows < -1)
            {
                throw state.Corrupt($"{rows} gating rows");
            }

            results.Add(rows < 0 ? result : result with { Gating = [.. Enumerable.Range(0, rows).Select(_ => (IReadOnlyList<int>)state.Ints())] });
        }

        return results;
    }

    private static void WriteRounds(StateWriter state, IReadOnlyList<RoundRecord> rounds)
    {
        state.Int(rounds.Count);
        foreach (var r in rounds)
        {
            state.Int((int)r.Task).Int(r.Round).Ints([.. r.Selected]).Double(r.MeanLoss).Bool(r.Metrics is not null);
            if (r.Metrics is { } m)
            {
                state.Double(m.Accuracy).Double(m.F1).Double(m.Auc);
            }

            state.Long(r.UploadBits);
        }
    }

    private static List<RoundRecord> ReadRounds(StateReader state)
    {
        var rounds = new List<RoundRecord>();
        var count = Count(state);
        for (var i = 0; i < count; i++)
        {
            var task = Task(state);
            var round = state.Int();
            var selected = state.Ints();
            var loss = state.Double();
            var metrics = state.Bool() ? new ClassificationMetrics(state.Double(), state.Double(), state.Double()) : null;
            rounds.Add(new RoundRecord(task, round, selected, loss, metrics, state.Long()));
        }

        return rounds;
    }

    private static FederatedTask Task(StateReader state)
    {
        var task = state.Int();
        return Enum.IsDefined((FederatedTask)task) ? (FederatedTask)task : throw state.Corrupt($"unknown federated task {task}");
    }

    private static int Count(StateReader state)
    {
        var count = state.Int();
        return count >= 0 ? count : throw state.Corrupt($"a count of {count}");
    }
}
