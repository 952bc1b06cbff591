using System.Reflection;
using Akka.Configuration;
using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Settings;

namespace EdgeMoE.Host.Tests.Settings;

public sealed class AkkaStartCheckTests
{
    private static (ScratchFolder Dir, string Scenario) Scenario(string text) => ReferenceScenario.Write(text);

    private static string LoadError(string text) => ReferenceScenario.LoadError(text);

    [Theory]
    [InlineData("akka.actor.default-dispatcher.executor = nonsense", "akka.actor.default-dispatcher.executor: Akka.NET refuses \"nonsense\" ({0}:2): Could not resolve executor service configurator type nonsense for path akka.actor.default-dispatcher")]
    [InlineData("akka.actor.default-dispatcher.type = Nope", "akka.actor.default-dispatcher.type: Akka.NET refuses \"Nope\" ({0}:2): Could not resolve dispatcher type Nope for path akka.actor.default-dispatcher")]
    [InlineData("akka.actor.provider = \"No.Such.Type\"", "akka.actor.provider: Akka.NET refuses \"No.Such.Type\" ({0}:2): 'akka.actor.provider' is not a valid type name : 'No.Such.Type'")]
    [InlineData("akka.actor.serializers.x = \"No.Type, Nowhere\"", "akka.actor.serializers.x: Akka.NET refuses \"No.Type, Nowhere\" ({0}:2): serializer type \"No.Type, Nowhere\" does not load (give \"TYPE, ASSEMBLY\")")]
    public void The_run_command_exits_2_before_any_work_naming_a_value_akka_refuses_when_it_starts(string line, string message)
    {
        var (dir, file) = Scenario($"edgemoe.run.slots = 1\n{line}\n");
        using (dir)
        {
            var output = Path.Combine(dir.Path, "out");
            var (exit, stdout, error) = CliRunner.Run("run", file, "--dataset", "synthetic", "--out", output);
            Assert.Equal((2, "", string.Format(System.Globalization.CultureInfo.InvariantCulture, message, file)), (exit, stdout, error.Trim()));
            Assert.False(Directory.Exists(output));
        }
    }

    [Theory]
    [InlineData("akka.actor.default-mailbox.mailbox-type = \"No.Mailbox, Nowhere\"", "akka.actor.default-mailbox.mailbox-type: Akka.NET refuses \"No.Mailbox, Nowhere\" (scenario.conf:1)")]
    [InlineData("akka.actor.default-dispatcher { executor = fork-join-executor, fork-join-executor.parallelism-min = lots }", "akka.actor.default-dispatcher.fork-join-executor.parallelism-min: Akka.NET refuses \"lots\" (scenario.conf:1)")]
    [InlineData("akka.actor.emulation-dispatcher.executor = nonsense", "akka.actor.emulation-dispatcher.executor: Akka.NET refuses \"nonsense\" (scenario.conf:1)")]
    [InlineData("akka.extensions = [\"No.Extension, Nowhere\"]", "akka.extensions: Akka.NET refuses [\"No.Extension, Nowhere\"] (scenario.conf:1): \"No.Extension, Nowhere\" is not a loadable ExtensionId type")]
    [InlineData("akka.actor.serialization-bindings { \"System.String\" = nope }", "akka.actor.serialization-bindings.\"System.String\": Akka.NET refuses \"nope\" (scenario.conf:1): no serializer named \"nope\"")]
    [InlineData("akka.actor.serialization-bindings { \"No.Message, Nowhere\" = json }", "akka.actor.serialization-bindings.\"No.Message, Nowhere\": Akka.NET refuses \"json\" (scenario.conf:1): message type \"No.Message, Nowhere\" does not load")]
    public void A_value_akka_refuses_is_named_with_its_file_and_line(string text, string start) =>
        Assert.StartsWith(start, LoadError(text), StringComparison.Ordinal);

    [Fact]
    public void Among_several_keys_of_a_dispatcher_the_one_akka_refuses_is_named()
    {
        var error = LoadError("""
            akka.actor.default-dispatcher {
              throughput = 7
              throughput-deadline-time = 1s
              executor = nonsense
            }
            """);
        Assert.StartsWith("akka.actor.default-dispatcher.executor: Akka.NET refuses \"nonsense\" (scenario.conf:4)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_akka_does_not_name_is_found_by_starting_without_each_key_the_scenario_sets()
    {
        // Akka's message ("Member not found.") names neither key nor value: the key is the one whose removal lets Akka start.
        var error = LoadError("""
            akka.actor.ask-timeout = 3s
            akka.actor.default-dispatcher { throughput = 7, executor = "System.String" }
            akka.actor.default-mailbox.mailbox-push-timeout-time = 1s
            """);
        Assert.StartsWith("akka.actor.default-dispatcher.executor: Akka.NET refuses \"System.String\" (scenario.conf:2)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("akka.actor.default-dispatcher { type = ForkJoinDispatcher, dedicated-thread-pool { thread-count = 2, threadtype = background } }")]
    [InlineData("akka.actor.default-dispatcher { executor = channel-executor }")]
    [InlineData("akka.actor.default-dispatcher { executor = thread-pool-executor, throughput = 5 }")]
    [InlineData("akka.actor.serializers { bytes2 = \"Akka.Serialization.ByteArraySerializer, Akka\" }\nakka.actor.serialization-bindings { \"System.Byte[]\" = bytes2 }")]
    [InlineData("akka.actor.provider = \"Akka.Actor.LocalActorRefProvider, Akka\"")]
    public void A_valid_setting_other_than_akkas_default_passes(string text)
    {
        var (dir, file) = Scenario(text);
        using (dir)
        {
            Assert.Null(Record.Exception(() => SettingsLoader.Load(file)));
        }
    }

    [Fact]
    public void A_dedicated_thread_pool_dispatcher_runs_a_scenario()
    {
        var (dir, file) = Scenario("""
            edgemoe.run.slots = 1
            akka.actor.default-dispatcher { type = ForkJoinDispatcher, dedicated-thread-pool { thread-count = 2, threadtype = background } }
            """);
        using (dir)
        {
            var (exit, stdout, _) = CliRunner.Run("run", file, "--dataset", "synthetic", "--out", Path.Combine(dir.Path, "out"));
            Assert.Equal(0, exit);
            Assert.Contains("stable-moe", stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_reason_shown_is_the_innermost_cause_on_one_line()
    {
        var wrapped = new TargetInvocationException(new ConfigurationException("Configuration problem", new FormatException("The input string 'lots' was not in a correct format.\nat somewhere")));
        Assert.Equal("The input string 'lots' was not in a correct format.", AkkaStartFailure.Reason(wrapped));
    }
}
