namespace EdgeMoE.Host.Tests.Cluster;

public sealed class NewCredentialsCommandTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Creates_the_three_files_and_says_what_comes_next()
    {
        var directory = Path.Combine(_scratch.Path, "new", "cluster");
        var (exit, output, error) = CliRunner.Run("cluster", "new-credentials", directory);

        Assert.True(exit == 0, error);
        foreach (var file in new[] { "ca.crt", "node.crt", "node.key" })
        {
            var path = Path.Combine(directory, file);
            Assert.True(File.Exists(path), path);
            Assert.Contains(path, output);
        }

        Assert.StartsWith("-----BEGIN CERTIFICATE-----", File.ReadAllText(Path.Combine(directory, "ca.crt")));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(Path.Combine(directory, "node.key")));
        Assert.Contains("Next:", output);
    }

    [Fact]
    public void The_key_file_is_readable_by_its_owner_only()
    {
        var directory = Path.Combine(_scratch.Path, "cluster");
        Assert.Equal(0, CliRunner.Run("cluster", "new-credentials", directory).ExitCode);

        // File modes are Unix's; Windows keeps the key under the user's profile ACLs.
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, "node.key")));
        }
    }

    [Fact]
    public void Refuses_to_overwrite_credentials()
    {
        var directory = Path.Combine(_scratch.Path, "cluster");
        Assert.Equal(0, CliRunner.Run("cluster", "new-credentials", directory).ExitCode);
        var before = File.ReadAllText(Path.Combine(directory, "node.key"));

        var (exit, _, error) = CliRunner.Run("cluster", "new-credentials", directory);

        Assert.Equal(2, exit);
        Assert.Equal($"{Path.Combine(directory, "ca.crt")}: already exists; refusing to overwrite credentials (choose another directory)", error.Trim());
        Assert.Equal(before, File.ReadAllText(Path.Combine(directory, "node.key")));
    }

    [Fact]
    public void Refuses_a_directory_holding_any_one_of_the_files()
    {
        var directory = Path.Combine(_scratch.Path, "cluster");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "node.key"), "mine\n");

        var (exit, _, error) = CliRunner.Run("cluster", "new-credentials", directory);

        Assert.Equal(2, exit);
        Assert.StartsWith($"{Path.Combine(directory, "node.key")}: already exists", error);
        Assert.False(File.Exists(Path.Combine(directory, "ca.crt")));
        Assert.Equal("mine\n", File.ReadAllText(Path.Combine(directory, "node.key")));
    }
}
