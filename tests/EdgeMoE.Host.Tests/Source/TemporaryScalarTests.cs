using TorchSharp;
using static TorchSharp.torch;

namespace EdgeMoE.Host.Tests.Source;

public sealed class TemporaryScalarTests
{
    private static readonly TemporaryScalarCalls Calls = new(typeof(torch).Assembly.Location);

    [Fact]
    public void No_method_of_ours_hands_libtorch_a_Scalar_that_a_collection_can_finalize_mid_call()
    {
        var found = IlCalls.SourceAssemblies.SelectMany(Calls.In).ToList();

        Assert.True(found.Count == 0, "use PinnedScalarMath or an explicit, disposed Scalar:\n" + string.Join('\n', found));
    }

    [Fact]
    public void The_scan_finds_operators_and_conversions_and_passes_pinned_scalars()
    {
        var found = Calls.In(typeof(TemporaryScalarTests).Assembly.Location).Where(c => c.StartsWith(nameof(TemporaryScalarTests) + ".", StringComparison.Ordinal)).ToList();

        Assert.True(Calls.ConvertingMethods > 100, $"only {Calls.ConvertingMethods} converting TorchSharp methods");
        Assert.Contains(found, c => c.StartsWith("TemporaryScalarTests.Racy: Tensor.op_Addition(Tensor, Tensor)", StringComparison.Ordinal));
        Assert.Contains(found, c => c.StartsWith("TemporaryScalarTests.Racy: Scalar.op_Implicit(Int32)", StringComparison.Ordinal));
        Assert.Contains(found, c => c.StartsWith("TemporaryScalarTests.Racy: Tensor.op_Multiply(Double, Tensor)", StringComparison.Ordinal));
        Assert.Contains(found, c => c.StartsWith("TemporaryScalarTests.Racy: Tensor.op_Division(Tensor, Int64)", StringComparison.Ordinal));
        Assert.DoesNotContain(found, c => c.StartsWith("TemporaryScalarTests.Pinned:", StringComparison.Ordinal));
    }

    // Never run: the scan reads its IL.
    internal static Tensor Racy(Tensor a, Tensor b) => ((a + b).pow(2) + (0.5 * b)) / 2L;

    internal static Tensor Pinned(Tensor a, Tensor b) =>
        Models.Nn.PinnedScalarMath.Add(Models.Nn.PinnedScalarMath.Pow(a, 2), Models.Nn.PinnedScalarMath.Mul(b, 0.5));
}
