using TorchSharp;

namespace EdgeMoE.Models.Nn;

/// <summary>libtorch's intra-op thread count, for the whole process.</summary>
public static class TorchThreads
{
    /// <summary>Sets the number of threads one torch operation may use (≥ 1); emulations use 1 so results do not depend on the core count.</summary>
    public static void Set(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        TorchBackend.EnsureLoaded();
        torch.set_num_threads(threads);
    }

    /// <summary>The current intra-op thread count.</summary>
    public static int Current
    {
        get
        {
            TorchBackend.EnsureLoaded();
            return torch.get_num_threads();
        }
    }
}
