using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Commands.Sweep;
using EdgeMoE.Host.Settings;

namespace EdgeMoE.Host.Tests.Sweep;

public sealed class SweepPlanTests
{
    private static readonly EdgeMoE.Hocon.Config Reference = LayeredConfig.Load(RepositoryFiles.Hocon("reference.conf")).Reference;

    [Fact]
    public void Points_are_the_cross_product_first_key_slowest_seed_fastest_named_by_last_segments()
    {
        var axes = new[] { SweepAxis.Parse("edgemoe.stable-moe.arrival-rate=195,390"), SweepAxis.Parse("edgemoe.stable-moe.v=10,200") };
        var points = SweepPlan.Points(axes, seeds: 2, Reference);
        Assert.Equal(
            [
                "arrival-rate=195_v=10_seed=1", "arrival-rate=195_v=10_seed=2", "arrival-rate=195_v=200_seed=1", "arrival-rate=195_v=200_seed=2",
                "arrival-rate=390_v=10_seed=1", "arrival-rate=390_v=10_seed=2", "arrival-rate=390_v=200_seed=1", "arrival-rate=390_v=200_seed=2",
            ],
            points.Select(p => p.Name));
        Assert.Equal(Enumerable.Range(0, 8), points.Select(p => p.Index));
        Assert.Contains("edgemoe.run.seed = 2\n", points[1].ToHocon("out"), StringComparison.Ordinal);
        Assert.Contains("edgemoe.stable-moe.v = 200\n", points[2].ToHocon("out"), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_seeds_each_point_keeps_the_scenario_seed_and_no_seed_in_its_name()
    {
        var points = SweepPlan.Points([SweepAxis.Parse("edgemoe.stable-moe.v=10,50")], seeds: null, Reference);
        Assert.Equal(["v=10", "v=50"], points.Select(p => p.Name));
        Assert.DoesNotContain("edgemoe.run.seed", points[0].ToHocon("out"), StringComparison.Ordinal);
    }

    [Fact]
    public void Values_keep_their_commas_inside_lists_and_names_are_filesystem_safe()
    {
        var axis = SweepAxis.Parse("edgemoe.stable-moe.energy-max-range=[0.01, 0.05],[0.1, 0.5]");
        Assert.Equal(["[0.01, 0.05]", "[0.1, 0.5]"], axis.Values);
        var points = SweepPlan.Points([axis, SweepAxis.Parse("edgemoe.run.dataset=\"synthetic\"")], seeds: null, Reference);
        Assert.Equal("energy-max-range=_0.01__0.05__dataset=synthetic", points[0].Name);
        Assert.All(points, p => Assert.Equal(-1, p.Name.IndexOfAny(['/', ' ', '"', ',', '[', ']'])));
    }

    [Theory]
    [InlineData("edgemoe.stable-moe.arival-rate=1,2", "edgemoe.stable-moe.arival-rate")]
    [InlineData("edgemoe.stable-moe=1", "edgemoe.stable-moe")]
    [InlineData("edgemoe.stable-moe.v=10,[1", "edgemoe.stable-moe.v")]
    [InlineData("edgemoe.stable-moe.v=10,,50", "edgemoe.stable-moe.v")]
    [InlineData("edgemoe.run.output-dir=a,b", "edgemoe.run.output-dir")]
    [InlineData("=1,2", "--set =1,2")]
    public void A_bad_key_or_value_is_bad_input_naming_it(string set, string named)
    {
        var error = Assert.Throws<BadInputException>(() => SweepPlan.Points([SweepAxis.Parse(set)], seeds: null, Reference));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_given_twice_and_seed_with_seeds_are_refused()
    {
        Assert.Contains("given twice", Assert.Throws<BadInputException>(() => SweepPlan.Points(
            [SweepAxis.Parse("edgemoe.stable-moe.v=1"), SweepAxis.Parse("edgemoe.stable-moe.v=2")], null, Reference)).Message, StringComparison.Ordinal);
        Assert.Contains("--seeds", Assert.Throws<BadInputException>(() => SweepPlan.Points(
            [SweepAxis.Parse("edgemoe.run.seed=1,2")], 3, Reference)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_that_would_share_a_folder_are_refused()
    {
        var clash = Assert.Throws<BadInputException>(() => SweepPlan.Points([SweepAxis.Parse("edgemoe.run.policy=\"a b\",\"a_b\"")], null, Reference));
        Assert.Contains("runs/policy=a_b", clash.Message, StringComparison.Ordinal);
    }
}
