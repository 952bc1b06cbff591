using System.Text.Json;

namespace EdgeMoE.Host.Tests;

[Collection(TorchThreadCount.Name)]
public sealed class TrainCommandTests
{
    [Fact]
    public void Training_an_mlp_on_synthetic_images_reports_accuracy_as_json()
    {
        var (exit, output, error) = CliRunner.Run("train", "--dataset", "synthetic", "--model", "mlp", "--seed", "3", "--json");
        Assert.True(exit == 0, error);
        var last = output.Trim().Split('\n')[^1];
        using var json = JsonDocument.Parse(last);
        Assert.InRange(json.RootElement.GetProperty("test_accuracy").GetDouble(), 0.5, 1.0);
        Assert.True(json.RootElement.GetProperty("images_per_s").GetDouble() > 0);
        Assert.Contains("epoch 1/1", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_seed_writes_bit_identical_weight_files()
    {
        var first = Path.Combine(Path.GetTempPath(), $"edgemoe-{Guid.NewGuid():N}.safetensors");
        var second = Path.Combine(Path.GetTempPath(), $"edgemoe-{Guid.NewGuid():N}.safetensors");
        try
        {
            Assert.Equal(0, CliRunner.Run("train", "--dataset", "synthetic", "--model", "mlp", "--seed", "4", "--save", first).ExitCode);
            Assert.Equal(0, CliRunner.Run("train", "--dataset", "synthetic", "--model", "mlp", "--seed", "4", "--save", second).ExitCode);
            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }

    [Theory]
    [InlineData("sgd")]
    [InlineData("adamw")]
    public void Other_optimizers_with_smoothing_and_clipping_also_learn(string optimizer)
    {
        var (exit, output, error) = CliRunner.Run(
            "train", "--dataset", "synthetic", "--model", "mlp", "--optimizer", optimizer, "--lr", "0.01",
            "--weight-decay", "0.01", "--label-smoothing", "0.1", "--clip-norm", "1", "--json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        Assert.InRange(json.RootElement.GetProperty("test_accuracy").GetDouble(), 0.5, 1.0);
    }

    [Fact]
    public void The_training_section_of_a_config_gives_the_defaults_and_options_override_it()
    {
        using var folder = new ScratchFolder();
        folder.Write("reference.conf", File.ReadAllText(RepositoryFiles.Hocon("reference.conf")));
        var config = folder.Write("train.conf", "edgemoe.training { model = mlp, epochs = 1, batch-size = 50, optimizer = sgd, learning-rate = 0.05 }");
        var (exit, _, error) = CliRunner.Run("train", "--config", config, "--dataset", "synthetic", "--seed", "3");
        Assert.True(exit == 0, error);
        Assert.Contains("training mlp", error, StringComparison.Ordinal);
        Assert.Contains("batch 50, sgd lr 0.05", error, StringComparison.Ordinal);

        (exit, _, error) = CliRunner.Run("train", "--config", config, "--dataset", "synthetic", "--seed", "3", "--optimizer", "adam", "--batch", "64");
        Assert.True(exit == 0, error);
        Assert.Contains("batch 64, adam lr 0.05", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_training_value_in_the_config_exits_2_naming_the_key()
    {
        using var folder = new ScratchFolder();
        folder.Write("reference.conf", File.ReadAllText(RepositoryFiles.Hocon("reference.conf")));
        var config = folder.Write("train.conf", "edgemoe.training.momentum = 1.5");
        var (exit, _, error) = CliRunner.Run("train", "--config", config, "--dataset", "synthetic");
        Assert.Equal(2, exit);
        Assert.Contains("edgemoe.training.momentum must be in [0, 1), got 1.5", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--optimizer", "lbfgs", "--optimizer")]
    [InlineData("--label-smoothing", "1.5", "--label-smoothing")]
    [InlineData("--model", "resnet", "--model")]
    [InlineData("--dataset", "cifar", "--dataset")]
    [InlineData("--epochs", "0", "--epochs")]
    [InlineData("--data-dir", "/nonexistent/edgemoe", "dataset-fashion-mnist")]
    public void Bad_options_exit_with_code_2_and_name_the_problem(string option, string value, string named)
    {
        var (exit, _, error) = CliRunner.Run("train", option, value);
        Assert.Equal(2, exit);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }
}
