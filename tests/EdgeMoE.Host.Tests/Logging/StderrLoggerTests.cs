using Akka.Actor;
using Akka.Event;
using EdgeMoE.Host.Settings;
using EdgeMoE.Host.Tests.Bench;

namespace EdgeMoE.Host.Tests.Logging;

// Swaps the process's Console.Out and Console.Error: it runs alone, after the parallel tests.
[Collection(ProcessWideMeasurements.Name)]
public sealed class StderrLoggerTests
{
    [Fact]
    public async Task An_actor_system_on_the_reference_config_logs_warnings_to_stderr_and_nothing_to_stdout()
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        var (capturedOut, capturedError) = (new Captured(), new Captured());
        Console.SetOut(capturedOut.Writer);
        Console.SetError(capturedError.Writer);
        try
        {
            var akka = SettingsLoader.Load(RepositoryFiles.Hocon("reference.conf")).Actors.Akka;
            var system = ActorSystem.Create("logging", akka);
            system.Log.Info("below the default level");
            system.Log.Warning("the link to server 3 is down");
            var seen = SpinWait.SpinUntil(() => capturedError.Text.Contains("the link to server 3 is down"), TimeSpan.FromSeconds(10));
            await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.True(seen, $"no warning on stderr: {capturedError.Text}");
            var line = Assert.Single(capturedError.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("server 3"));
            Assert.StartsWith("[WARNING]", line);
            Assert.DoesNotContain("below the default level", capturedError.Text);
            Assert.Equal("", capturedOut.Text);
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    /// <summary>A synchronised writer (as Console's own) whose text can be read while actors write to it.</summary>
    private sealed class Captured
    {
        private readonly StringWriter _inner = new();

        public Captured() => Writer = TextWriter.Synchronized(_inner);

        public TextWriter Writer { get; }

        // The synchronised wrapper locks itself around every write (MethodImplOptions.Synchronized).
        public string Text
        {
            get
            {
                lock (Writer)
                {
                    return _inner.ToString();
                }
            }
        }
    }
}
