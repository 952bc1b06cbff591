using System.Numerics;
using System.Runtime.InteropServices;

namespace EdgeMoE.Models.Data.Idx;

/// <summary>Turns 8-bit pixels into floats in [0, 1] as x / 255 (torchvision's <c>ToTensor</c>), vectorised.</summary>
public static class PixelScaling
{
    /// <summary>
    /// Writes <c>source[i] / 255f</c> to <c>destination[i]</c>; the destination must be at least as long
    /// as the source. Bit-identical to the scalar division for every byte.
    /// </summary>
    public static void ToUnitInterval(ReadOnlySpan<byte> source, Span<float> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values; the source has {source.Length}.", nameof(destination));
        }

        // The generic TensorPrimitives conversion from byte to float is scalar; widening by hand is ~20× faster.
        var i = 0;
        if (Vector.IsHardwareAccelerated && source.Length >= Vector<byte>.Count)
        {
            var scale = new Vector<float>(255f);
            var bytes = MemoryMarshal.Cast<byte, Vector<byte>>(source);
            var floats = MemoryMarshal.Cast<float, Vector<float>>(destination);
            for (var v = 0; v < bytes.Length; v++)
            {
                Vector.Widen(bytes[v], out var low, out var high);
                Vector.Widen(low, out var a, out var b);
                Vector.Widen(high, out var c, out var d);
                var o = v * 4;
                floats[o] = Vector.ConvertToSingle(Vector.AsVectorInt32(a)) / scale;
                floats[o + 1] = Vector.ConvertToSingle(Vector.AsVectorInt32(b)) / scale;
                floats[o + 2] = Vector.ConvertToSingle(Vector.AsVectorInt32(c)) / scale;
                floats[o + 3] = Vector.ConvertToSingle(Vector.AsVectorInt32(d)) / scale;
            }

            i = bytes.Length * Vector<byte>.Count;
        }

        for (; i < source.Length; i++)
        {
            destination[i] = source[i] / 255f;
        }
    }
}
