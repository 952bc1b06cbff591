namespace EdgeMoE.Host.Tests.Run.Nmoe;

/// <summary>A networked-MoE scenario small enough for a few seconds: synthetic images, 3 clients, one conv block.</summary>
internal sealed class TinyNmoe : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public TinyNmoe(string extra = "")
    {
        File.Copy(RepositoryFiles.Hocon("reference.conf"), Path.Combine(_folder.Path, "reference.conf"));
        ScenarioFile = _folder.Write("tiny.conf", $$"""
            edgemoe {
              run { scenario = nmoe, dataset = synthetic }
              nmoe {
                clients = 3
                train-per-client = 90
                test-per-client = 40
                conv-channels = [2]
                feature-size = 8
                expert-hidden = 8
                gate-hidden = 0
                rounds = 3
                gate-rounds = 3
                expert-epochs = 1
                centralised-epochs = 1
                rollgate-passes = 1
                batch-size = 30
                failures = [ { kind = crash-node, node = 1, at-slot = 2, recover-at-slot = 3 } ]
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
