using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Nn;

/// <summary>Copies caller-owned spans into new CPU tensors (the caller disposes them, usually through a dispose scope).</summary>
public static class TensorInput
{
    /// <summary>A float32 tensor of <paramref name="shape"/> holding a copy of <paramref name="values"/>.</summary>
    public static Tensor Floats(ReadOnlySpan<float> values, params ReadOnlySpan<long> shape)
    {
        var count = 1L;
        foreach (var extent in shape)
        {
            count *= extent;
        }

        if (count != values.Length)
        {
            throw new ArgumentException($"{values.Length} values given for a tensor of shape [{string.Join(", ", shape.ToArray())}]");
        }

        var tensor = torch.empty(shape, ScalarType.Float32);
        MemoryMarshal.AsBytes(values).CopyTo(tensor.bytes);
        return tensor;
    }

    /// <summary>An int64 vector of class indices (what cross-entropy takes).</summary>
    public static Tensor Labels(ReadOnlySpan<int> labels)
    {
        var widened = new long[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            widened[i] = labels[i];
        }

        return torch.tensor(widened, ScalarType.Int64);
    }

    /// <summary>The values of a float32 tensor, row-major, as a new array.</summary>
    public static float[] ToArray(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var values = tensor.detach().contiguous();
        return values.data<float>().ToArray();
    }
}
