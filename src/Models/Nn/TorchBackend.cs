using TorchSharp;

namespace EdgeMoE.Models.Nn;

/// <summary>
/// Loads libtorch through TorchSharp's own loader before the first direct native call: a generator or the thread count
/// call into LibTorchSharp at once, and only the loader preloads libtorch_cpu, whose libraries LibTorchSharp needs.
/// Loading also turns oneDNN and NNPACK off (<see cref="ConvolutionBackends"/>): every seeded network, every thread-count change and the tests'
/// torch threads come here first.
/// </summary>
internal static class TorchBackend
{
    private static readonly Lazy<bool> Loaded = new(() =>
    {
        torch.InitializeDeviceType(DeviceType.CPU);
        ConvolutionBackends.UseAtenKernels();
        return true;
    });

    /// <summary>Loads the CPU backend once per process.</summary>
    public static void EnsureLoaded() => _ = Loaded.Value;
}
