namespace EdgeMoE.Models.Tensors;

/// <summary>
/// Per-thread packing buffers of the GEMM, allocated once per thread, pinned and 64-byte aligned
/// so that packed panels never straddle cache lines and no call allocates.
/// </summary>
internal sealed unsafe class GemmWorkspace
{
    [ThreadStatic]
    private static GemmWorkspace? _current;

    private readonly float[] _packedA;
    private readonly float[] _packedB;
    private readonly float[] _tile;

    private GemmWorkspace()
    {
        _packedA = GC.AllocateArray<float>((Gemm.MC * Gemm.KC) + 16, pinned: true);
        _packedB = GC.AllocateArray<float>((Gemm.NC * Gemm.KC) + (Gemm.NR * Gemm.KC) + 16, pinned: true);
        _tile = GC.AllocateArray<float>((Gemm.MR * Gemm.NR) + 16, pinned: true);
        PackedA = Align(_packedA);
        PackedB = Align(_packedB);
        Tile = Align(_tile);
    }

    public float* PackedA { get; }

    public float* PackedB { get; }

    public float* Tile { get; }

    public static GemmWorkspace ForCurrentThread() => _current ??= new GemmWorkspace();

    private static float* Align(float[] pinned)
    {
        var address = (nint)System.Runtime.CompilerServices.Unsafe.AsPointer(ref pinned[0]);
        var aligned = (address + 63) & ~(nint)63;
        return (float*)aligned;
    }
}
