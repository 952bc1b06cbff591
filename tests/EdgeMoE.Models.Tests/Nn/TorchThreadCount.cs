namespace EdgeMoE.Models.Tests.Nn;

/// <summary>
/// Tests that set libtorch's intra-op thread count, or compare the bytes of trainings: they run alone, after the
/// parallel tests. Each training runs on a thread of its own with one intra-op thread, but a part of the count is
/// process-wide in libtorch (every set_num_threads also sets MKL's count), and a trajectory's bytes depend on it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchThreadCount
{
    public const string Name = "torch intra-op thread count";
}
