namespace EdgeMoE.Host.Tests.Mec;

/// <summary>A MEC sweep small enough for a test: M in {3, 5}, 2 seeds, 60 tasks of 3 clusters in 6 dimensions.</summary>
internal sealed class TinyMec : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public TinyMec(string extra = "", string runExtra = "")
    {
        File.Copy(RepositoryFiles.Hocon("reference.conf"), Path.Combine(_folder.Path, "reference.conf"));
        ScenarioFile = _folder.Write("mec.conf", $$"""
            edgemoe {
              run { scenario = mec, {{runExtra}} }
              mec {
                experts = [3, 5]
                seeds = 2
                tasks = 60
                clusters = 3
                dimension = 6
                samples-per-task = 3
                {{extra}}
              }
            }
            """);
    }

    public string ScenarioFile { get; }

    public string Output(string name) => Path.Combine(_folder.Path, name);

    public void Dispose() => _folder.Dispose();
}
