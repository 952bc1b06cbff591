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
/// a LeNet-sized CNN about as fast here (200 Adam steps at batch 50: 2.3 s against 1.5 to 2.3 s), but the default nmoe
/// run took 411 s against 344 s with oneDNN, back to back (1.19x; peak RSS 1.99 against 1.14 GB). TorchSharp 0.107 has no
/// switch for it, so this calls libtorch's C++ API (<c>at::globalContext().setUserEnabledMkldnn(false)</c>, the call
/// behind Python's <c>torch.backends.mkldnn.enabled = False</c>) by its mangled names: Itanium's (Linux, macOS; measured
/// here) or MSVC's (Windows; not run here). With oneDNN off, libtorch
/// tries NNPACK for every convolution without gradients and, where NNPACK does not support the CPU (this AMD EPYC),
/// printed "Could not initialize NNPACK! Reason: Unsupported hardware." 163,156 times in one nmoe run; NNPACK goes off too.
/// </remarks>
internal static class ConvolutionBackends
{
    /// <summary>Disables oneDNN and NNPACK for the process and checks that libtorch took it.</summary>
    /// <exception cref="InvalidOperationException">libtorch lacks the calls or kept a backend on.</exception>
    public static void UseAtenKernels()
    {
        var context = Context.Global();
        context.SetMkldnn(false);
        context.SetNnpack(false);
        if (AnyOptionalBackendOn)
        {
            throw new InvalidOperationException("libtorch kept oneDNN or NNPACK on after turning them off");
        }
    }

    /// <summary>Whether libtorch would use oneDNN or NNPACK where they apply.</summary>
    public static bool AnyOptionalBackendOn
    {
        get
        {
            var context = Context.Global();
            return context.Mkldnn() || context.Nnpack();
        }
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate nint GlobalContextCall();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void SetFlagCall(nint context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    [return: MarshalAs(UnmanagedType.U1)]
    private delegate bool GetFlagCall(nint context);

    // at::globalContext() and four members of at::Context; `this` goes first on both ABIs.
    private sealed record Context(nint Handle, SetFlagCall SetMkldnnCall, GetFlagCall MkldnnCall, SetFlagCall SetNnpackCall, GetFlagCall NnpackCall)
    {
        private static readonly Lazy<Context> Bound = new(Bind);

        public static Context Global() => Bound.Value;

        public void SetMkldnn(bool enabled) => SetMkldnnCall(Handle, enabled);

        public bool Mkldnn() => MkldnnCall(Handle);

        public void SetNnpack(bool enabled) => SetNnpackCall(Handle, enabled);

        public bool Nnpack() => NnpackCall(Handle);

        private static Context Bind()
        {
            var windows = OperatingSystem.IsWindows();
            var library = NativeLibrary.Load(windows ? "torch_cpu.dll" : OperatingSystem.IsMacOS() ? "libtorch_cpu.dylib" : "libtorch_cpu.so", typeof(ConvolutionBackends).Assembly, null);
            T Export<T>(string itanium, string msvc)
                where T : Delegate
            {
                var name = windows ? msvc : itanium;
                return NativeLibrary.TryGetExport(library, name, out var address)
                    ? Marshal.GetDelegateForFunctionPointer<T>(address)
                    : throw new InvalidOperationException($"libtorch_cpu has no '{name}'; EdgeMoE turns oneDNN and NNPACK off through it for reproducible convolutions");
            }

            var global = Export<GlobalContextCall>("_ZN2at13globalContextEv", "?globalContext@at@@YAAEAVContext@1@XZ");
            return new Context(
                global(),
                Export<SetFlagCall>("_ZN2at7Context20setUserEnabledMkldnnEb", "?setUserEnabledMkldnn@Context@at@@QEAAX_N@Z"),
                Export<GetFlagCall>("_ZNK2at7Context17userEnabledMkldnnEv", "?userEnabledMkldnn@Context@at@@QEBA_NXZ"),
                Export<SetFlagCall>("_ZN2at7Context20setUserEnabledNNPACKEb", "?setUserEnabledNNPACK@Context@at@@QEAAX_N@Z"),
                Export<GetFlagCall>("_ZNK2at7Context17userEnabledNNPACKEv", "?userEnabledNNPACK@Context@at@@QEBA_NXZ"));
        }
    }
}
