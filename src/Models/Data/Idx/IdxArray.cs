namespace EdgeMoE.Models.Data.Idx;

/// <summary>
/// The content of one IDX file of unsigned bytes: its dimensions (outermost first) and its elements in
/// row-major order.
/// </summary>
/// <param name="Source">Where the array was read from (a file path), for error messages.</param>
/// <param name="Dimensions">Sizes of the dimensions, outermost first; each ≥ 0.</param>
/// <param name="Data">The elements, row-major; its length is the product of <paramref name="Dimensions"/>.</param>
public sealed record IdxArray(string Source, int[] Dimensions, byte[] Data)
{
    /// <summary>Number of dimensions.</summary>
    public int Rank => Dimensions.Length;
}
