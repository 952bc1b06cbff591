using System.Runtime.InteropServices;

namespace EdgeMoE.Models.Nn;

/// <summary>
/// Turns off libtorch's oneDNN (mkldnn) and NNPACK backends, so convolutions run on ATen's own kernels.
/// </summary>
/// <remarks>
/// libtorch 2.10's oneDNN convolution now and then gives NaN for whole output channels of a convolution's weight
/// gradient when the backward pass is the first one on a new OS thread: 1 to 8 of 100 fresh threads on this AVX-512 AMD
/// EPYC, and still in 3 of 6 runs of 200 threads with ONEDNN_MAX_CPU_ISA=AVX2; none of 1,000 with oneDNN off. Actors and
/// tests run torch on new threads, so a run could turn to NaN and two runs of a seed differ. ATen's convolution trained
/// a LeNet-sized CNN about as fast here (200 Adam steps at batch 50: 2.3 s against 1.5 to 2.3 s). TorchSharp 0.107 has no
/// switch for it, so this calls libtorch's C++ API (<c>at::globalContext().setUserEnabledMkldnn(false)</c>, the call
/// behind Python's <c>torch.backends.mkldnn.enabled = False</c>) by its Itanium-mangled names. With oneDNN off, libtorch
/// tries NNPACK for every convolution without gradients and, where NNPACK does not support the CPU (this AMD EPYC),
/// printed "Could not initialize NNPACK! Reason: Unsupported hardware." 163,156 times in one nmoe run; NNPACK goes off too.
/// </remarks>
internal static class ConvolutionBackends
{
    private const string Library = "libtorch_cpu";

    /// <summary>Disables oneDNN and NNPACK for the process and checks that libtorch took it.</summary>
    /// <exception cref="InvalidOperationException">libtorch lacks the calls or kept a backend on.</exception>
    public static void UseAtenKernels()
    {
        try
        {
            var context = GlobalContext();
            SetUserEnabledMkldnn(context, false);
            SetUserEnabledNnpack(context, false);
            if (UserEnabledMkldnn(context) || UserEnabledNnpack(context))
            {
                throw new InvalidOperationException("libtorch kept oneDNN or NNPACK on after turning them off");
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            throw new InvalidOperationException($"cannot turn libtorch's oneDNN and NNPACK off ({e.Message}); EdgeMoE needs them off for reproducible convolutions", e);
        }
    }

    /// <summary>Whether libtorch would use oneDNN or NNPACK where they apply.</summary>
    public static bool AnyOptionalBackendOn
    {
        get
        {
            var context = GlobalContext();
            return UserEnabledMkldnn(context) || UserEnabledNnpack(context);
        }
    }

    // at::Context& at::globalContext()
    [DllImport(Library, EntryPoint = "_ZN2at13globalContextEv", ExactSpelling = true)]
    private static extern nint GlobalContext();

    // void at::Context::setUserEnabledMkldnn(bool): `this` goes first.
    [DllImport(Library, EntryPoint = "_ZN2at7Context20setUserEnabledMkldnnEb", ExactSpelling = true)]
    private static extern void SetUserEnabledMkldnn(nint context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    // bool at::Context::userEnabledMkldnn() const
    [DllImport(Library, EntryPoint = "_ZNK2at7Context17userEnabledMkldnnEv", ExactSpelling = true)]
    [return: MarshalAs(UnmanagedType.U1)]
    private static extern bool UserEnabledMkldnn(nint context);

    // void at::Context::setUserEnabledNNPACK(bool)
    [DllImport(Library, EntryPoint = "_ZN2at7Context20setUserEnabledNNPACKEb", ExactSpelling = true)]
    private static extern void SetUserEnabledNnpack(nint context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    // bool at::Context::userEnabledNNPACK() const
    [DllImport(Library, EntryPoint = "_ZNK2at7Context17userEnabledNNPACKEv", ExactSpelling = true)]
    [return: MarshalAs(UnmanagedType.U1)]
    private static extern bool UserEnabledNnpack(nint context);
}
