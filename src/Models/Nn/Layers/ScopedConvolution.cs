using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Nn;

// TorchSharp 0.107's Conv reset_parameters reads the fan-in from a temporary view, weight[0, 0].NumberOfElements, that
// nothing references during the native call: a collection may finalize it mid-call, and THSTensor_numel would then read
// a freed TensorImpl; a dispose scope keeps it referenced. The window is a numel call long: ConvFanInRaceExperiment
// (tests/EdgeMoE.Benchmarks) saw no wrong fan-in and no crash in 379,499 constructions under 47,952 forced collections,
// so this is the Scalar race's class (PinnedScalarMath, which was seen) closed before it is seen, not a measured fix.

/// <summary>Convolution layers built inside a dispose scope, so TorchSharp's temporaries stay alive until the layer is made.</summary>
public static class ScopedConvolution
{
    /// <summary><c>nn.Conv2d</c> with a square kernel, stride 1 and zero padding on every side (pixels).</summary>
    /// <param name="inChannels">Input channels (≥ 1).</param>
    /// <param name="outChannels">Output channels (≥ 1).</param>
    /// <param name="kernelSize">Kernel height and width (pixels, ≥ 1).</param>
    /// <param name="padding">Zeros added on each side (pixels, ≥ 0).</param>
    public static Conv2d Conv2d(long inChannels, long outChannels, long kernelSize, long padding = 0)
    {
        using var scope = torch.NewDisposeScope();
        var layer = nn.Conv2d(inChannels, outChannels, kernelSize, padding: padding);
        foreach (var parameter in layer.parameters())
        {
            parameter.DetachFromDisposeScope();
        }

        return layer;
    }
}
