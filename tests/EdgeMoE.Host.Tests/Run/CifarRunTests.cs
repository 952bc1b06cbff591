using System.Text.Json;

namespace EdgeMoE.Host.Tests.Run;

[Collection(TorchThreadCount.Name)]
public sealed class CifarRunTests
{
    [Theory]
    [InlineData("cifar-10", 1, new[] { "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin" })]
    [InlineData("cifar-100", 2, new[] { "train.bin", "test.bin" })]
    public void A_tiny_run_on_generated_cifar_files_completes_with_3x32x32_experts(string dataset, int labelBytes, string[] files)
    {
        using var scenario = new TinyScenario();
        var data = scenario.Output("cifar");
        Directory.CreateDirectory(data);
        foreach (var file in files)
        {
            File.WriteAllBytes(Path.Combine(data, file), Records(40, labelBytes, file.Length));
        }

        var output = scenario.Output("out");
        var (exit, _, error) = CliRunner.Run(
            "run", scenario.ScenarioFile, "--dataset", dataset, "--data-dir", data, "--slots", "3", "--policy", "stable-moe", "--out", output);

        Assert.True(exit == 0, error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.Equal(dataset, summary.RootElement.GetProperty("dataset").GetString());
        Assert.True(summary.RootElement.GetProperty("policies").GetProperty("stable-moe").GetProperty("cumulative_throughput").GetInt64() > 0);
    }

    [Fact]
    public void Missing_cifar_files_exit_2_naming_the_key_and_the_file()
    {
        using var scenario = new TinyScenario();
        var data = scenario.Output("empty");
        Directory.CreateDirectory(data);

        var (exit, _, error) = CliRunner.Run("run", scenario.ScenarioFile, "--dataset", "cifar-10", "--data-dir", data, "--out", scenario.Output("out"));

        Assert.Equal(2, exit);
        Assert.Contains("edgemoe.run.data-dir", error, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(data, "data_batch_1.bin"), error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    /// <summary>Records whose label cycles through the first ten classes and whose pixels vary with label and position.</summary>
    private static byte[] Records(int count, int labelBytes, int salt)
    {
        var record = labelBytes + 3072;
        var bytes = new byte[count * record];
        for (var r = 0; r < count; r++)
        {
            var label = (r + salt) % 10;
            bytes[(r * record) + labelBytes - 1] = (byte)label;
            for (var i = 0; i < 3072; i++)
            {
                bytes[(r * record) + labelBytes + i] = (byte)(((label * 25) + (i % 32) + r) % 256);
            }
        }

        return bytes;
    }
}
