using EdgeMoE.Actors.Jesa.Coordination;
using EdgeMoE.Host.Checkpoints;
using EdgeMoE.Host.Scenarios.Resume;
using EdgeMoE.Models.Moe.Federated;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Vit;

namespace EdgeMoE.Host.Scenarios.Jesa;

/// <summary>
/// A JESA checkpoint's files. During training: state.bin (epoch, optimiser steps, sample order, shuffle generator,
/// parameter names), model.safetensors (parameters) and optimiser.safetensors (Adam moments). During the emulation:
/// state.bin (per scheme its partial metrics) and model.safetensors (exactly the weights file the nodes load).
/// </summary>
internal static class JesaCheckpoint
{
    private const string State = "state.bin";
    private const string Model = "model.safetensors";
    private const string Optimiser = "optimiser.safetensors";

    /// <summary>The parts of a checkpoint during training.</summary>
    public static IReadOnlyList<CheckpointPart> Parts(MoeVitTrainingState training)
    {
        var state = new StateWriter();
        state.Section("jesa").String("training");
        state.Section("training").Int(training.Epoch).Long(training.Step).Ints(training.Order).ULongs(training.Shuffle);
        state.Int(training.Weights.Names.Count);
        foreach (var name in training.Weights.Names)
        {
            state.String(name);
        }

        var moments = training.Optimiser;
        state.Longs([.. moments.Select(m => m.Step)]);
        return
        [
            new(State, state.ToArray()),
            FloatArrayPart.Write(Model, training.Weights.Names.Select((name, i) => KeyValuePair.Create(name, training.Weights.Values[i]))),
            FloatArrayPart.Write(Optimiser, moments.SelectMany((m, i) => new[]
            {
                KeyValuePair.Create($"{i}/avg", m.ExpAvg),
                KeyValuePair.Create($"{i}/sq", m.ExpAvgSq),
            })),
        ];
    }

    /// <summary>The parts of a checkpoint during the emulation.</summary>
    /// <param name="model">The bytes of the weights file the emulation runs.</param>
    /// <param name="schemes">Per scheme, in order, its label and progress.</param>
    public static IReadOnlyList<CheckpointPart> Parts(byte[] model, IReadOnlyList<(string Label, SchemeProgress Progress)> schemes)
    {
        var state = new StateWriter();
        state.Section("jesa").String("emulation");
        state.Section("schemes").Int(schemes.Count);
        foreach (var (label, p) in schemes)
        {
            state.String(label).Int(p.Round).Int(p.Correct).Long(p.Fallbacks).Doubles(p.CommunicationJ).Doubles(p.ComputationJ).Int(p.Chosen.Length);
            foreach (var layer in p.Chosen)
            {
                state.Longs(layer);
            }
        }

        return [new(State, state.ToArray()), new(Model, model)];
    }

    /// <summary>The snapshot <paramref name="checkpoint"/> holds.</summary>
    /// <exception cref="Cli.BadInputException">A part is corrupt; the message names its file and section.</exception>
    public static JesaSnapshot Read(LoadedCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var state = checkpoint.Reader(State);
        var phase = state.Section("jesa").String();
        JesaSnapshot snapshot;
        if (phase == "training")
        {
            state.Section("training");
            var (epoch, step, order, shuffle) = (state.Int(), state.Long(), state.Ints(), state.ULongs());
            var names = new string[Count(state)];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = state.String();
            }

            var steps = state.Longs();
            var (weights, moments) = (FloatArrayPart.Read(checkpoint, Model), FloatArrayPart.Read(checkpoint, Optimiser));
            var (modelFile, optimiserFile) = (Path.Combine(checkpoint.Dir, Model), Path.Combine(checkpoint.Dir, Optimiser));
            snapshot = new JesaSnapshot(
                new MoeVitTrainingState(
                    epoch, step, order, shuffle, new ModelWeights(names, [.. names.Select(n => weights.Get(n, modelFile))]),
                    [.. steps.Select((step, i) => new AdamMoments(step, moments.Get($"{i}/avg", optimiserFile), moments.Get($"{i}/sq", optimiserFile)))]),
                null,
                null);
        }
        else if (phase == "emulation")
        {
            var schemes = new List<(string, SchemeProgress)>();
            var count = Count(state.Section("schemes"));
            for (var s = 0; s < count; s++)
            {
                var (label, round, correct, fallbacks, communication, computation) = (state.String(), state.Int(), state.Int(), state.Long(), state.Doubles(), state.Doubles());
                var chosen = new long[Count(state)][];
                for (var l = 0; l < chosen.Length; l++)
                {
                    chosen[l] = state.Longs();
                }

                schemes.Add((label, new SchemeProgress(round, correct, fallbacks, communication, computation, chosen)));
            }

            snapshot = new JesaSnapshot(null, checkpoint.Part(Model), schemes);
        }
        else
        {
            throw state.Corrupt($"unknown phase \"{phase}\"");
        }

        state.End();
        return snapshot;
    }

    private static int Count(StateReader state)
    {
        var count = state.Int();
        return count >= 0 ? count : throw state.Corrupt($"a count of {count}");
    }
}
