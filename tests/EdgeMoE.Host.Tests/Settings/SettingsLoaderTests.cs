using EdgeMoE.Policies.Baselines;
using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Settings;

namespace EdgeMoE.Host.Tests.Settings;

public sealed class SettingsLoaderTests
{
    private static (ScratchFolder Dir, string Scenario) Scenario(string text) => ReferenceScenario.Write(text);

    private static string LoadError(string text) => ReferenceScenario.LoadError(text);

    [Fact]
    public void The_stable_moe_scenario_loads_the_papers_settings()
    {
        var settings = SettingsLoader.Load(RepositoryFiles.Hocon("stable-moe.conf"));
        var s = settings.StableMoe;
        Assert.Equal((10, 3, TimeSpan.FromSeconds(1), 390.0), (s.Servers, s.ExpertsPerToken, s.SlotLength, s.ArrivalRate));
        Assert.Equal((2e-27, 3e9, 1e7), (s.SwitchedCapacitance, s.MaxFrequencyHz, s.CyclesPerToken));
        Assert.Equal(new NumericRange(3, 15), s.EnergyMaxRange);
        Assert.Equal(new NumericRange(1.5, 9.5), s.EnergyAvgRange);
        Assert.Equal(["stable-moe", "random", "top-k", "queue-aware", "energy-aware"], s.Policies);
        Assert.Equal(BaselineFrequencyMode.FixedMax, s.BaselineFrequency);
        Assert.Equal(new RunSettings("stable-moe", 1, 200, "all", "runs/stable-moe", DatasetChoice.Auto, "/usr/share/datasets/fashion-mnist", 0, 0, TimeSpan.FromMinutes(10)), settings.Run);
    }

    [Fact]
    public void The_reference_configuration_alone_is_valid() =>
        Assert.Equal(100, SettingsLoader.Load(RepositoryFiles.Hocon("reference.conf")).Run.Slots);

    [Fact]
    public void An_invalid_value_names_the_key_the_value_and_the_file_line() =>
        Assert.Equal("edgemoe.stable-moe.arrival-rate must be > 0, got -3 (scenario.conf:2)",
            LoadError("edgemoe.run.slots = 5\nedgemoe.stable-moe.arrival-rate = -3"));

    [Fact]
    public void A_misspelt_key_is_rejected_with_a_suggestion() =>
        Assert.Equal("edgemoe.stable-moe.arival-rate is not a known setting (scenario.conf:1); did you mean edgemoe.stable-moe.arrival-rate?",
            LoadError("edgemoe { stable-moe { arival-rate = 3 } }"));

    [Fact]
    public void An_unknown_key_with_no_close_match_lists_the_known_keys_of_its_section() =>
        Assert.StartsWith("edgemoe.run.colour is not a known setting (scenario.conf:1); known settings under edgemoe.run: edgemoe.run.scenario, edgemoe.run.seed, edgemoe.run.slots",
            LoadError("edgemoe.run.colour = blue"));

    [Fact]
    public void More_experts_per_token_than_servers_is_rejected() =>
        Assert.Equal("edgemoe.stable-moe.experts-per-token must be in [1, 4], got 5 (scenario.conf:1)",
            LoadError("edgemoe.stable-moe { servers = 4, experts-per-token = 5 }"));

    [Fact]
    public void An_unknown_policy_in_the_list_is_rejected() =>
        Assert.StartsWith("edgemoe.stable-moe.policies must be a list of stable-moe, random", LoadError("edgemoe.stable-moe.policies = [stable-moe, greedy]"));

    [Fact]
    public void A_repeated_policy_is_rejected() =>
        Assert.Equal("edgemoe.stable-moe.policies must be a list without repeats, got \"random\" twice (scenario.conf:1)",
            LoadError("edgemoe.stable-moe.policies = [random, stable-moe, random]"));

    [Fact]
    public void An_inverted_energy_range_is_rejected() =>
        Assert.Equal("edgemoe.stable-moe.energy-max-range must be a [min, max] pair with 0 <= min <= max, got [15, 3] (scenario.conf:1)",
            LoadError("edgemoe.stable-moe.energy-max-range = [15, 3]"));

    [Fact]
    public void An_unknown_dataset_is_rejected() =>
        Assert.Equal("edgemoe.run.dataset must be one of auto, fashion-mnist, synthetic, cifar-10, cifar-100, got \"mnist\" (scenario.conf:1)",
            LoadError("edgemoe.run.dataset = mnist"));

    [Fact]
    public void The_reference_baselines_keep_the_budgeted_frequencies() =>
        Assert.Equal(BaselineFrequencyMode.Budgeted, SettingsLoader.Load(RepositoryFiles.Hocon("reference.conf")).StableMoe.BaselineFrequency);

    [Fact]
    public void An_unknown_baseline_frequency_is_rejected() =>
        Assert.Equal("edgemoe.stable-moe.baseline-frequency must be one of budgeted, p1, max-feasible, fixed-max, got \"turbo\" (scenario.conf:1)",
            LoadError("edgemoe.stable-moe.baseline-frequency = turbo"));

    [Fact]
    public void A_zero_slot_length_is_rejected() =>
        Assert.Equal("edgemoe.stable-moe.slot-length must be > 0 s, got 0 s (scenario.conf:1)", LoadError("edgemoe.stable-moe.slot-length = 0s"));

    [Fact]
    public void A_value_of_the_wrong_type_names_the_key_and_its_position()
    {
        var (dir, file) = Scenario("edgemoe.run.slots = many");
        using (dir)
        {
            var error = Assert.Throws<EdgeMoE.Hocon.HoconException>(() => SettingsLoader.Load(file)).Message;
            Assert.Equal($"{file}:1:21: edgemoe.run.slots: expected a 32-bit integer, got string \"many\"", error);
        }
    }

    [Fact]
    public void Keys_outside_edgemoe_are_free_for_the_users_own_substitutions()
    {
        var (dir, file) = Scenario("my.rate = 100\nedgemoe.stable-moe.arrival-rate = ${my.rate}");
        using (dir)
        {
            Assert.Equal(100, SettingsLoader.Load(file).StableMoe.ArrivalRate);
        }
    }

    [Fact]
    public void A_scenario_can_extend_a_reference_list()
    {
        var (dir, file) = Scenario("edgemoe.stable-moe.policies = [stable-moe]\nedgemoe.stable-moe.policies += top-k");
        using (dir)
        {
            Assert.Equal(["stable-moe", "top-k"], SettingsLoader.Load(file).StableMoe.Policies);
        }
    }
}
