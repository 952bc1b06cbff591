namespace EdgeMoE.Models.Tensors;

/// <summary>Shape of one 2-D convolution or pooling window sweep over a [C, H, W] image.</summary>
public readonly record struct ConvGeometry(int Channels, int Height, int Width, int KernelHeight, int KernelWidth, int Stride, int Padding)
{
    /// <summary>Output rows: ⌊(H + 2p − kh)/s⌋ + 1.</summary>
    public int OutHeight => ((Height + (2 * Padding) - KernelHeight) / Stride) + 1;

    /// <summary>Output columns: ⌊(W + 2p − kw)/s⌋ + 1.</summary>
    public int OutWidth => ((Width + (2 * Padding) - KernelWidth) / Stride) + 1;

    /// <summary>Rows of the im2col matrix: C·kh·kw.</summary>
    public int PatchSize => Channels * KernelHeight * KernelWidth;

    /// <summary>Output pixels per channel.</summary>
    public int OutPixels => OutHeight * OutWidth;

    /// <summary>Throws with the exact reason when the window does not fit.</summary>
    public void Validate(string op)
    {
        if (Stride < 1 || Padding < 0 || KernelHeight < 1 || KernelWidth < 1)
        {
            throw new ArgumentException($"{op}: stride {Stride} must be ≥ 1, padding {Padding} ≥ 0 and kernel {KernelHeight}×{KernelWidth} positive");
        }

        if (Height + (2 * Padding) < KernelHeight || Width + (2 * Padding) < KernelWidth)
        {
            throw new ArgumentException($"{op}: kernel {KernelHeight}×{KernelWidth} larger than padded input {Height + (2 * Padding)}×{Width + (2 * Padding)}");
        }
    }
}
