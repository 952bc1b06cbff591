namespace EdgeMoE.Models.Tensors;

/// <summary>
/// Per-thread scratch arrays that kernels (im2col patch matrices, attention scores) reuse across
/// calls, so a training step does not allocate its large temporaries again and again.
/// </summary>
internal static class ScratchBuffers
{
    [ThreadStatic]
    private static float[]?[]? _slots;

    /// <summary>A buffer of at least <paramref name="length"/> floats for slot <paramref name="slot"/> (0–3); contents unspecified.</summary>
    public static float[] Rent(int slot, int length)
    {
        _slots ??= new float[4][];
        var buffer = _slots[slot];
        if (buffer is null || buffer.Length < length)
        {
            buffer = GC.AllocateUninitializedArray<float>(Math.Max(length, (buffer?.Length ?? 0) * 3 / 2));
            _slots[slot] = buffer;
        }

        return buffer;
    }
}
