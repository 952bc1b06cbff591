namespace EdgeMoE.Host.Tests.Source;

public sealed class ConvolutionConstructionTests
{
    // TorchSharp methods that read a convolution weight's fan-in from a temporary view nothing references (see
    // ScopedConvolution): called outside a dispose scope, a collection can free the view during the native call.
    private static readonly string[] FanInReaders =
        ["Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d", "CalculateFanInAndFanOut"];

    [Fact]
    public void Every_convolution_of_ours_is_built_inside_a_dispose_scope()
    {
        var found = IlCalls.SourceAssemblies.SelectMany(RacyConstructions).ToList();

        Assert.True(found.Count == 0, "build convolutions with ScopedConvolution:\n" + string.Join('\n', found));
    }

    [Fact]
    public void The_scan_sees_a_convolution_built_without_the_scope()
    {
        var found = RacyConstructions(typeof(ConvolutionConstructionTests).Assembly.Location)
            .Where(c => c.StartsWith(nameof(ConvolutionConstructionTests) + ".", StringComparison.Ordinal)).ToList();

        Assert.Contains(found, c => c.StartsWith("ConvolutionConstructionTests.Racy: nn.Conv2d(", StringComparison.Ordinal));
        Assert.DoesNotContain(found, c => c.StartsWith("ConvolutionConstructionTests.Scoped:", StringComparison.Ordinal));
    }

    // Never run: the scan reads their IL.
    internal static TorchSharp.Modules.Conv2d Racy() => TorchSharp.torch.nn.Conv2d(1, 2, 3);

    internal static TorchSharp.Modules.Conv2d Scoped() => Models.Nn.ScopedConvolution.Conv2d(1, 2, 3);

    private static IEnumerable<string> RacyConstructions(string assembly) =>
        IlCalls.MemberCalls(assembly)
            .Where(c => FanInReaders.Contains(c.Method) && c.Type is "nn" or "init" && !c.Caller.StartsWith("ScopedConvolution.", StringComparison.Ordinal))
            .Select(c => $"{c.Caller}: {c.Call}");
}
