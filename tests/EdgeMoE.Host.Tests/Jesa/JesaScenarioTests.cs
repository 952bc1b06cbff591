using System.Text.Json;

namespace EdgeMoE.Host.Tests.Jesa;

[Collection(TorchThreadCount.Name)]
public sealed class JesaScenarioTests
{
    [Fact]
    public void A_tiny_run_writes_every_scheme_and_layer_and_is_byte_identical_for_one_or_two_threads()
    {
        using var scratch = new ScratchFolder();
        var weights = TinyJesa.Weights(scratch);
        var config = scratch.Write("jesa.conf", TinyJesa.Scenario(weights, "images = 16"));

        var one = Path.Combine(scratch.Path, "one");
        var two = Path.Combine(scratch.Path, "two");
        var (exitOne, table, errorOne) = CliRunner.Run("run", config, "--out", one, "--threads", "1");
        var (exitTwo, _, errorTwo) = CliRunner.Run("run", config, "--out", two, "--threads", "2");

        Assert.True(exitOne == 0, errorOne);
        Assert.True(exitTwo == 0, errorTwo);
        Assert.Contains("jesa(0.9,2)", table, StringComparison.Ordinal);
        foreach (var file in new[] { "summary.json", "layers.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(one, file)), File.ReadAllBytes(Path.Combine(two, file)));
        }

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(one, "summary.json")));
        var schemes = summary.RootElement.GetProperty("schemes");
        foreach (var label in new[] { "top-1", "top-2", "h(0.7,2)", "jesa(0.9,2)", "lb(0.9,2)" })
        {
            var scheme = schemes.GetProperty(label);
            Assert.Equal(2, scheme.GetProperty("energy_per_layer_j").GetArrayLength());
            Assert.True(scheme.GetProperty("energy_per_token_j").GetDouble() > 0);
            Assert.InRange(scheme.GetProperty("accuracy").GetDouble(), 0, 1);
        }

        Assert.Equal(1.0, schemes.GetProperty("top-2").GetProperty("relative_energy").GetDouble());
        // LB relaxes the exclusive subcarriers of JESA at the same thresholds, so it never spends more.
        Assert.True(schemes.GetProperty("lb(0.9,2)").GetProperty("energy_per_token_j").GetDouble()
            <= schemes.GetProperty("jesa(0.9,2)").GetProperty("energy_per_token_j").GetDouble() * (1 + 1e-12));
        var lines = File.ReadAllLines(Path.Combine(one, "layers.csv"));
        Assert.Equal(1 + (5 * 2), lines.Length);
    }

    [Theory]
    [InlineData("images = 12", "edgemoe.jesa.images")]
    [InlineData("schemes = [\"top-2\", \"jesa(1.5,2)\"]", "edgemoe.jesa.schemes")]
    [InlineData("schemes = [\"top-2\", \"best(0.9,2)\"]", "edgemoe.jesa.schemes")]
    [InlineData("schemes = [\"jesa(0.9,2)\"]", "edgemoe.jesa.schemes")]
    [InlineData("snr-reference = antenna", "edgemoe.jesa.snr-reference")]
    [InlineData("gamma-reading = squared", "edgemoe.jesa.gamma-reading")]
    [InlineData("subcarriers = 0", "edgemoe.jesa.subcarriers")]
    [InlineData("path-loss = -1", "edgemoe.jesa.path-loss")]
    [InlineData("weights = \"/nonexistent/moe-vit.safetensors\"", "edgemoe.jesa.weights")]
    public void Bad_values_exit_2_naming_the_key(string line, string key)
    {
        using var scratch = new ScratchFolder();
        var weights = TinyJesa.Weights(scratch);
        var config = scratch.Write("jesa.conf", TinyJesa.Scenario(weights, line));

        var (exit, _, error) = CliRunner.Run("run", config, "--out", Path.Combine(scratch.Path, "out"));

        Assert.Equal(2, exit);
        Assert.Contains(key, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
