using EdgeMoE.Host.Tests.Run;

namespace EdgeMoE.Host.Tests.Checkpoints;

/// <summary>A tiny Stable-MoE run (every policy) and its uninterrupted output, shared by the resume tests.</summary>
public sealed class ResumableScenario : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public ResumableScenario()
    {
        Scenario = new TinyScenario("test-eval-interval = 5");
        Run = ["run", Scenario.ScenarioFile, "--slots", "20", "--no-report"];
        Reference = KillAndResume.Uninterrupted(Run, Folder("reference"));
    }

    internal TinyScenario Scenario { get; }

    /// <summary>The run's arguments, without --out.</summary>
    internal string[] Run { get; }

    /// <summary>The uninterrupted run's output folder.</summary>
    internal string Reference { get; }

    /// <summary>A fresh working folder.</summary>
    internal string Folder(string name) => Directory.CreateDirectory(Path.Combine(_folder.Path, name)).FullName;

    public void Dispose()
    {
        Scenario.Dispose();
        _folder.Dispose();
    }
}

/// <summary>
/// Stable-MoE killed with SIGKILL mid-run and resumed ends with the files of a run that never stopped: in one process,
/// killed once or twice (child processes only, so they run beside other tests; the cluster case is
/// <see cref="StableMoeLocalNodesResumeTests"/>).
/// </summary>
public sealed class StableMoeResumeTests(ResumableScenario scenario) : IClassFixture<ResumableScenario>
{
    [Fact]
    public void A_run_killed_after_a_checkpoint_and_resumed_writes_the_uninterrupted_runs_files()
    {
        var work = scenario.Folder("once");

        var closing = KillAndResume.KilledAndResumed(scenario.Run, work, every: 4, kills: 1, ["--no-report"]);

        KillAndResume.AssertSameFiles(scenario.Reference, Path.Combine(work, KillAndResume.Output));
        Assert.Contains("resuming out from out/checkpoints/step-", closing);
        Assert.Matches(@"checkpoints: \d+ written in [\d.]+ s \([\d.]+ % of \d+ s\)", closing);
    }

    [Fact]
    public void A_resumed_run_killed_again_and_resumed_again_writes_the_uninterrupted_runs_files()
    {
        var work = scenario.Folder("twice");

        KillAndResume.KilledAndResumed(scenario.Run, work, every: 3, kills: 2, ["--no-report", "--threads", "1"]);

        KillAndResume.AssertSameFiles(scenario.Reference, Path.Combine(work, KillAndResume.Output));
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(work, KillAndResume.Output, "checkpoints")).Length);
    }
}
