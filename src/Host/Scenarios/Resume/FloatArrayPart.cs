using EdgeMoE.Host.Checkpoints;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Serialization;
using static TorchSharp.torch;

namespace EdgeMoE.Host.Scenarios.Resume;

/// <summary>
/// A checkpoint part in safetensors holding named float32 arrays (weights, optimiser moments, features) as 1-D tensors:
/// the scenario keeps the names and shapes it needs in its state.bin, this keeps the values bit-exact.
/// </summary>
internal static class FloatArrayPart
{
    /// <summary>The part <paramref name="name"/> holding <paramref name="arrays"/>.</summary>
    public static CheckpointPart Write(string name, IEnumerable<KeyValuePair<string, float[]>> arrays)
    {
        var tensors = arrays.Select(a => KeyValuePair.Create(a.Key, TensorInput.Floats(a.Value, a.Value.Length))).ToList();
        try
        {
            using var bytes = new MemoryStream();
            SafeTensors.Save(bytes, tensors);
            return new CheckpointPart(name, bytes.ToArray());
        }
        finally
        {
            foreach (var (_, tensor) in tensors)
            {
                tensor.Dispose();
            }
        }
    }

    /// <summary>The arrays of part <paramref name="name"/> of <paramref name="checkpoint"/>, by name.</summary>
    /// <exception cref="Cli.BadInputException">The part is not a float32 safetensors file; the message names it.</exception>
    public static IReadOnlyDictionary<string, float[]> Read(LoadedCheckpoint checkpoint, string name)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        IReadOnlyList<KeyValuePair<string, Tensor>> tensors;
        try
        {
            tensors = SafeTensors.Load(new MemoryStream(checkpoint.Part(name), writable: false));
        }
        catch (InvalidDataException e)
        {
            throw new Cli.BadInputException($"{Path.Combine(checkpoint.Dir, name)}: corrupt checkpoint: {e.Message}", e);
        }

        var arrays = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var (key, tensor) in tensors)
        {
            using (tensor)
            {
                arrays[key] = TensorInput.ToArray(tensor);
            }
        }

        return arrays;
    }

    /// <summary>The array <paramref name="key"/> of <paramref name="arrays"/> read from <paramref name="file"/>.</summary>
    /// <exception cref="Cli.BadInputException">It is missing: the checkpoint is corrupt.</exception>
    public static float[] Get(this IReadOnlyDictionary<string, float[]> arrays, string key, string file) =>
        arrays.TryGetValue(key, out var values) ? values : throw new Cli.BadInputException($"{file}: corrupt checkpoint: no tensor \"{key}\"");
}
