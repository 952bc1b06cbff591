using Akka.Actor;
using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Settings;

namespace EdgeMoE.Host.Tests.Settings;

public sealed class AkkaSectionTests
{
    private static (ScratchFolder Dir, string Scenario) Scenario(string text) => ReferenceScenario.Write(text);

    private static string LoadError(string text) => ReferenceScenario.LoadError(text);

    [Fact]
    public void The_reference_defaults_reach_akka()
    {
        var akka = SettingsLoader.Load(RepositoryFiles.Hocon("reference.conf")).Actors.Akka;
        Assert.Equal(("WARNING", "OFF", false, false), (akka.GetString("akka.loglevel"), akka.GetString("akka.stdout-loglevel"),
            akka.GetBoolean("akka.log-config-on-start"), akka.GetBoolean("akka.log-dead-letters-during-shutdown")));
        Assert.Equal(["EdgeMoE.Host.Logging.StderrLogger, edgemoe"], akka.GetStringList("akka.loggers"));
        Assert.Equal((100, TimeSpan.FromSeconds(5)), (akka.GetInt("akka.actor.default-dispatcher.throughput"), akka.GetTimeSpan("akka.actor.ask-timeout")));
    }

    [Fact]
    public void Any_akka_key_of_a_scenario_passes_through_to_the_actor_system()
    {
        var (dir, file) = Scenario("""
            akka {
              loglevel = DEBUG
              actor.ask-timeout = 250 ms
              actor.my-own-dispatcher { type = Dispatcher, throughput = 7 }
              remote.dot-netty.tcp.port = 4053
            }
            """);
        using (dir)
        {
            var akka = SettingsLoader.Load(file).Actors.Akka;
            Assert.Equal(4053, akka.GetInt("akka.remote.dot-netty.tcp.port"));
            Assert.Equal(7, akka.GetInt("akka.actor.my-own-dispatcher.throughput"));
            using var system = ActorSystem.Create("pass-through", akka);
            Assert.Equal(("DEBUG", TimeSpan.FromMilliseconds(250)), (system.Settings.LogLevel, system.Settings.AskTimeout));
            Assert.Equal(["EdgeMoE.Host.Logging.StderrLogger, edgemoe"], system.Settings.Loggers);
        }
    }

    [Theory]
    [InlineData("akka.loglevel = LOUD", "akka.loglevel must be one of OFF, ERROR, WARNING, INFO, DEBUG, got \"LOUD\" (scenario.conf:1)")]
    [InlineData("akka {\n  stdout-loglevel = [INFO]\n}", "akka.stdout-loglevel must be one of OFF, ERROR, WARNING, INFO, DEBUG, got [\"INFO\"] (scenario.conf:2)")]
    [InlineData("akka.loggers = \"EdgeMoE.Host.Logging.StderrLogger, edgemoe\"", "akka.loggers must be a list of Akka logger types that load, as \"TYPE, ASSEMBLY\", got \"EdgeMoE.Host.Logging.StderrLogger, edgemoe\" (scenario.conf:1)")]
    [InlineData("akka.loggers = [{ type = x }]", "akka.loggers must be a list of Akka logger types that load, as \"TYPE, ASSEMBLY\", got [{\"type\":\"x\"}] (scenario.conf:1)")]
    [InlineData("akka.loggers = [\"EdgeMoE.Host.Logging.StdErrLogger, edgemoe\"]", "akka.loggers must be a list of Akka logger types that load, as \"TYPE, ASSEMBLY\", got [\"EdgeMoE.Host.Logging.StdErrLogger, edgemoe\"] (scenario.conf:1)")]
    [InlineData("akka.log-config-on-start = maybe", "akka.log-config-on-start must be on or off, got \"maybe\" (scenario.conf:1)")]
    [InlineData("akka.log-dead-letters = some", "akka.log-dead-letters must be on, off or a count of dead letters to log (>= 0), got \"some\" (scenario.conf:1)")]
    [InlineData("akka.log-dead-letters = On", "akka.log-dead-letters must be on, off or a count of dead letters to log (>= 0), got \"On\" (scenario.conf:1)")]
    [InlineData("akka.actor.ask-timeout = soon", "akka.actor.ask-timeout must be a duration > 0 such as 5s, or infinite, got \"soon\" (scenario.conf:1)")]
    [InlineData("akka.actor.ask-timeout = 0s", "akka.actor.ask-timeout must be a duration > 0 such as 5s, or infinite, got \"0s\" (scenario.conf:1)")]
    [InlineData("akka.actor.default-dispatcher.throughput = 0", "akka.actor.default-dispatcher.throughput must be a whole number >= 1, got 0 (scenario.conf:1)")]
    [InlineData("akka.actor.default-dispatcher.throughput = lots", "akka.actor.default-dispatcher.throughput must be a whole number >= 1, got \"lots\" (scenario.conf:1)")]
    [InlineData("akka.actor.emulation-dispatcher.throughput = 0", "akka.actor.emulation-dispatcher.throughput must be a whole number >= 1, got 0 (scenario.conf:1)")]
    public void A_bad_value_of_a_key_edgemoe_relies_on_names_the_key_and_the_file_line(string text, string message) =>
        Assert.Equal(message, LoadError(text));

    [Fact]
    public void Akka_reads_log_levels_in_any_case() =>
        Assert.Equal("debug", LoadAkkaString("akka.loglevel = debug", "akka.loglevel"));

    [Fact]
    public void Akkas_own_loggers_are_named_as_akka_names_them()
    {
        var (dir, file) = Scenario("akka.loggers = [Akka.Event.DefaultLogger]");
        using (dir)
        {
            Assert.Equal(["Akka.Event.DefaultLogger"], SettingsLoader.Load(file).Actors.Akka.GetStringList("akka.loggers"));
        }
    }

    [Fact]
    public void An_infinite_ask_timeout_is_akkas_own_default_and_allowed() =>
        Assert.Equal("infinite", LoadAkkaString("akka.actor.ask-timeout = infinite", "akka.actor.ask-timeout"));

    [Theory]
    [InlineData("edgemoe.actors.time-mode = real",
        "edgemoe.actors.time-mode was removed: runs are deterministic by their slot protocol; set Akka's dispatcher in the akka section (akka.actor.emulation-dispatcher) (scenario.conf:1)")]
    [InlineData("edgemoe.run.slots = 3\nedgemoe.actors.default-mailbox { type = bounded }",
        "edgemoe.actors.default-mailbox.type was removed: set Akka's akka.actor.default-mailbox (e.g. mailbox-type) in the akka section (scenario.conf:2)")]
    [InlineData("edgemoe.actors.dispatcher.throughput = 5", "edgemoe.actors.dispatcher.throughput was removed: set akka.actor.emulation-dispatcher.throughput (scenario.conf:1)")]
    [InlineData("edgemoe.actors.ask-timeout = 5s", "edgemoe.actors.ask-timeout was removed: set akka.actor.ask-timeout (scenario.conf:1)")]
    [InlineData("edgemoe.actors.colour = blue", "edgemoe.actors.colour was removed: Akka.NET settings go in the top-level akka section (scenario.conf:1)")]
    [InlineData("edgemoe.actors = off", "edgemoe.actors was removed: Akka.NET settings go in the top-level akka section (scenario.conf:1)")]
    public void A_removed_actors_key_names_itself_and_its_replacement(string text, string message) => Assert.Equal(message, LoadError(text));

    [Fact]
    public void The_run_command_exits_2_with_one_line_naming_a_bad_akka_key()
    {
        var (dir, file) = Scenario("edgemoe.run.slots = 1\nakka.loglevel = LOUD\n");
        using (dir)
        {
            var (exit, output, error) = CliRunner.Run("run", file, "--dataset", "synthetic");
            Assert.Equal(2, exit);
            Assert.Equal("", output);
            Assert.Equal($"akka.loglevel must be one of OFF, ERROR, WARNING, INFO, DEBUG, got \"LOUD\" ({file}:2)", error.Trim());
        }
    }

    private static string LoadAkkaString(string text, string key)
    {
        var (dir, file) = Scenario(text);
        using (dir)
        {
            return SettingsLoader.Load(file).Actors.Akka.GetString(key);
        }
    }
}
