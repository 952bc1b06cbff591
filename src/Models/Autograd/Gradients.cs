using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Autograd;

/// <summary>How backward kernels write into an input's gradient buffer.</summary>
internal static class Gradients
{
    /// <summary>
    /// The gradient buffer of <paramref name="input"/> and whether it is fresh (uninitialised: the
    /// kernel must overwrite every element) or holds earlier contributions (the kernel must add).
    /// Null when the input does not require grad.
    /// </summary>
    public static float[]? Target(Tensor input, out bool fresh)
    {
        fresh = false;
        if (!input.RequiresGrad)
        {
            return null;
        }

        if (input.Grad is null)
        {
            input.Grad = Tensor.ForResult(input.Shape.ToArray());
            fresh = true;
        }

        return input.Grad.Storage;
    }

    /// <summary>The gradient buffer of <paramref name="input"/>, zero-filled when new; null if no grad is needed.</summary>
    public static float[]? Zeroed(Tensor input)
    {
        var target = Target(input, out var fresh);
        if (fresh)
        {
            Array.Clear(target!, 0, input.Length);
        }

        return target;
    }

    /// <summary>grad(input) += values.</summary>
    public static void Accumulate(Tensor input, ReadOnlySpan<float> values)
    {
        var target = Target(input, out var fresh);
        if (target is null)
        {
            return;
        }

        var span = target.AsSpan(0, input.Length);
        if (fresh)
        {
            values.CopyTo(span);
        }
        else
        {
            TensorPrimitives.Add(span, values, span);
        }
    }

    /// <summary>True when any of the inputs needs a recorded node.</summary>
    public static bool ShouldRecord(Tensor a) => NoGrad.IsRecording && a.RequiresGrad;

    /// <summary>True when any of the inputs needs a recorded node.</summary>
    public static bool ShouldRecord(Tensor a, Tensor? b) => NoGrad.IsRecording && (a.RequiresGrad || (b?.RequiresGrad ?? false));

    /// <summary>True when any of the inputs needs a recorded node.</summary>
    public static bool ShouldRecord(Tensor a, Tensor? b, Tensor? c) =>
        NoGrad.IsRecording && (a.RequiresGrad || (b?.RequiresGrad ?? false) || (c?.RequiresGrad ?? false));

    /// <summary>Attaches <paramref name="node"/> to <paramref name="output"/> when recording; returns output.</summary>
    public static Tensor Record(Tensor output, GradNode node)
    {
        output.Node = node;
        output.RequiresGrad = true;
        return output;
    }
}
