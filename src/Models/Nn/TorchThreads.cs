using TorchSharp;

namespace EdgeMoE.Models.Nn;

/// <summary>libtorch's intra-op thread count: one process-wide wish, applied on every thread that runs torch.</summary>
/// <remarks>
/// libtorch keeps its OpenMP thread count per OS thread: a thread that never called set_num_threads itself runs with
/// one thread per core. Actors move between dispatcher threads, so every network call applies the wish on its calling
/// thread first (<see cref="ApplyToCallingThread"/>); without it 8 dispatcher threads gave different bytes run to run.
/// </remarks>
public static class TorchThreads
{
    private static int _wanted;

    [ThreadStatic]
    private static int _applied;

    /// <summary>Sets the number of threads one torch operation may use (≥ 1); emulations use 1 so results do not depend on the core count.</summary>
    public static void Set(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        TorchBackend.EnsureLoaded();
        Volatile.Write(ref _wanted, threads);
        torch.set_num_threads(threads);
        _applied = threads;
    }

    /// <summary>Gives the calling thread the count last <see cref="Set"/> (once per thread and change; nothing before any Set).</summary>
    public static void ApplyToCallingThread()
    {
        var wanted = Volatile.Read(ref _wanted);
        if (wanted > 0 && _applied != wanted)
        {
            TorchBackend.EnsureLoaded();
            torch.set_num_threads(wanted);
            _applied = wanted;
        }
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
