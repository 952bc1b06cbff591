namespace EdgeMoE.Models.Tensors;

/// <summary>Shape arithmetic shared by the tensor operations.</summary>
public static class TensorShape
{
    /// <summary>Product of the extents; throws on negative extents or overflow.</summary>
    public static int ElementCount(ReadOnlySpan<int> shape)
    {
        long count = 1;
        foreach (var extent in shape)
        {
            if (extent < 0)
            {
                throw new ArgumentException($"negative extent in shape {Format(shape)}", nameof(shape));
            }

            count *= extent;
            if (count > Array.MaxLength)
            {
                throw new ArgumentException($"shape {Format(shape)} has more elements than an array can hold", nameof(shape));
            }
        }

        return (int)count;
    }

    /// <summary>Maps a possibly negative dimension index into [0, rank).</summary>
    public static int NormalizeDim(int dim, int rank)
    {
        var d = dim < 0 ? dim + rank : dim;
        if (d < 0 || d >= rank)
        {
            throw new ArgumentOutOfRangeException(nameof(dim), $"dimension {dim} out of range for rank {rank}");
        }

        return d;
    }

    /// <summary>Product of extents before <paramref name="dim"/>.</summary>
    public static int Outer(ReadOnlySpan<int> shape, int dim) => ElementCount(shape[..dim]);

    /// <summary>Product of extents after <paramref name="dim"/>.</summary>
    public static int Inner(ReadOnlySpan<int> shape, int dim) => ElementCount(shape[(dim + 1)..]);

    /// <summary>Resolves a single -1 extent so that the shape holds <paramref name="length"/> elements.</summary>
    public static int[] Infer(ReadOnlySpan<int> shape, int length)
    {
        var result = shape.ToArray();
        var free = -1;
        long known = 1;
        for (var i = 0; i < result.Length; i++)
        {
            if (result[i] == -1)
            {
                if (free >= 0)
                {
                    throw new ArgumentException($"shape {Format(shape)} has more than one -1", nameof(shape));
                }

                free = i;
            }
            else
            {
                known *= result[i];
            }
        }

        if (free >= 0)
        {
            if (known == 0 || length % known != 0)
            {
                throw new ArgumentException($"cannot view {length} elements as {Format(shape)}", nameof(shape));
            }

            result[free] = (int)(length / known);
        }

        if (ElementCount(result) != length)
        {
            throw new ArgumentException($"cannot view {length} elements as {Format(shape)}", nameof(shape));
        }

        return result;
    }

    /// <summary>"[2, 3, 4]".</summary>
    public static string Format(ReadOnlySpan<int> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";
}
