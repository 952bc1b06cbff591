using EdgeMoE.Host.Tests.Run;

namespace EdgeMoE.Host.Tests.Checkpoints;

/// <summary>One finished checkpointed run (one policy, 5 slots, a checkpoint every 2) and its files, copied for each test.</summary>
public sealed class CheckpointedRun : IDisposable
{
    public CheckpointedRun()
    {
        Scenario = new TinyScenario();
        Pristine = Scenario.Output("pristine");
        var (exit, _, error) = CliRunner.Run("run", Scenario.ScenarioFile, "--policy", "stable-moe", "--slots", "5", "--out", Pristine, "--checkpoint-every", "2", "--no-report");
        Assert.True(exit == 0, error);
    }

    internal TinyScenario Scenario { get; }

    internal string Pristine { get; }

    /// <summary>A fresh copy of the run's folder.</summary>
    internal string Copy()
    {
        var copy = Scenario.Output("run-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(Pristine, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Pristine, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    public void Dispose() => Scenario.Dispose();
}

/// <summary><c>run --resume</c> refuses a truncated, altered or foreign checkpoint: exit 2, the file named, the older one offered.</summary>
[Collection(TorchThreadCount.Name)]
public sealed class CorruptCheckpointTests : IClassFixture<CheckpointedRun>
{
    private readonly CheckpointedRun _fixture;
    private readonly string _run;
    private readonly string[] _checkpoints;

    public CorruptCheckpointTests(CheckpointedRun fixture)
    {
        _fixture = fixture;
        _run = fixture.Copy();
        _checkpoints = [.. Directory.GetDirectories(Path.Combine(_run, "checkpoints")).Order(StringComparer.Ordinal)];
        Assert.Equal([Path.Combine(_run, "checkpoints", "step-00000002"), Path.Combine(_run, "checkpoints", "step-00000004")], _checkpoints);
    }

    [Fact]
    public void A_truncated_part_is_refused_naming_it_and_the_older_checkpoint_is_offered()
    {
        var file = Path.Combine(_checkpoints[1], "policy-stable-moe.safetensors");
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);

        var error = Refused("run", "--resume", _run);

        Assert.Contains($"{file}: truncated: {bytes.Length / 2} of {bytes.Length} bytes", error);
        Assert.Contains($"the older checkpoint step-00000002 is valid: edgemoe run --resume {_checkpoints[0]}", error);
    }

    [Fact]
    public void An_altered_part_is_refused_naming_it()
    {
        var file = Path.Combine(_checkpoints[1], "policy-stable-moe.bin");
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(file, bytes);

        Assert.Contains($"{file}: hash mismatch", Refused("run", "--resume", _checkpoints[1]));
    }

    [Fact]
    public void A_checkpoint_of_another_config_is_refused_naming_its_manifest()
    {
        var config = Path.Combine(_run, "config.conf");
        File.WriteAllText(config, File.ReadAllText(config).Replace("seed = 1", "seed = 2", StringComparison.Ordinal));

        var error = Refused("run", "--resume", _run);

        Assert.Contains($"{Path.Combine(_checkpoints[1], "manifest.json")}: written for another config", error);
    }

    [Fact]
    public void The_older_checkpoint_resumes_to_the_same_files()
    {
        var metrics = Path.Combine(_run, "metrics.csv");
        File.WriteAllText(metrics, "rows of a run that was cut short");

        var (exit, _, error) = CliRunner.Run("run", "--resume", _checkpoints[0], "--no-report");

        Assert.True(exit == 0, error);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_fixture.Pristine, "metrics.csv")), File.ReadAllBytes(metrics));
        Assert.Equal(File.ReadAllBytes(Path.Combine(_fixture.Pristine, "summary.json")), File.ReadAllBytes(Path.Combine(_run, "summary.json")));
    }

    private static string Refused(params string[] args) => BadValueRun.Refused(args);
}
