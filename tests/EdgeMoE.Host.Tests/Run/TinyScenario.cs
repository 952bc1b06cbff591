namespace EdgeMoE.Host.Tests.Run;

/// <summary>A scenario small enough to run in about a second: 4 servers, K = 2, λ = 24, tiny CNN experts, synthetic images.</summary>
internal sealed class TinyScenario : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public TinyScenario(string extra = "")
    {
        File.Copy(RepositoryFiles.Hocon("reference.conf"), Path.Combine(_folder.Path, "reference.conf"));
        ScenarioFile = _folder.Write("tiny.conf", $$"""
            edgemoe {
              # A tiny slot takes well under a second: a run that stops progressing fails in 90 s, not at a test's timeout.
              run { slots = 6, policy = all, dataset = synthetic, stall-timeout = 90s }
              stable-moe {
                servers = 4
                experts-per-token = 2
                arrival-rate = 24
                energy-max-range = [0.01, 0.05]
                energy-avg-range = [0.005, 0.03]
                expert-channels = [2]
                expert-features = 8
                gate-hidden = 8
                test-eval-interval = 3
                test-eval-subset = 40
                policies = [stable-moe, random, top-k, queue-aware, energy-aware]
                {{extra}}
              }
            }
            """);
    }

    public string ScenarioFile { get; }

    /// <summary>A fresh output folder inside the scratch folder.</summary>
    public string Output(string name) => Path.Combine(_folder.Path, name);

    public void Dispose() => _folder.Dispose();
}
