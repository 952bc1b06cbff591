namespace EdgeMoE.Host.Tests.Run.ChannelAware;

/// <summary>A channel-aware scenario small enough for a few seconds: synthetic images, K = 2 and 3, two sweep points.</summary>
internal sealed class TinyChannelAware : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public TinyChannelAware(string extra = "")
    {
        File.Copy(RepositoryFiles.Hocon("reference.conf"), Path.Combine(_folder.Path, "reference.conf"));
        ScenarioFile = _folder.Write("tiny.conf", $$"""
            edgemoe {
              run { scenario = channel-aware, dataset = synthetic }
              channel-aware {
                experts = [2, 3]
                snr-sweep-db = [0, 30]
                train-images = 400
                test-images = 150
                stage1-epochs = 1
                stage1-validation-images = 100
                stage2-epochs = 1
                batch-size = 50
                expert-hidden = 16
                gate-hidden = 8
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
