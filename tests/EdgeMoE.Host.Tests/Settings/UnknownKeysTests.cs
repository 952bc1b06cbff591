using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Settings;
using HoconConfig = EdgeMoE.Hocon.Config;

namespace EdgeMoE.Host.Tests.Settings;

public sealed class UnknownKeysTests
{
    [Fact]
    public void The_known_keys_are_exactly_the_reference_leaves()
    {
        var reference = HoconConfig.Parse("edgemoe { area { new-key = 1, list = [1] } }", "reference.conf");
        UnknownKeys.Check(HoconConfig.Parse("edgemoe.area { new-key = 2, list = [] }").WithFallback(reference), reference);
        var error = Assert.Throws<BadInputException>(() => UnknownKeys.Check(HoconConfig.Parse("edgemoe.area.list.x = 1", "s.conf"), reference));
        Assert.Equal("edgemoe.area.list.x is not a known setting (s.conf:1); did you mean edgemoe.area.list?", error.Message);
    }

    [Fact]
    public void An_object_where_the_reference_has_a_value_is_unknown()
    {
        var reference = HoconConfig.Parse("edgemoe.a = 1", "reference.conf");
        Assert.Throws<BadInputException>(() => UnknownKeys.Check(HoconConfig.Parse("edgemoe.a { b = 1 }", "s.conf"), reference));
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("arrival-rate", "arrival-rate", 0)]
    [InlineData("arival-rate", "arrival-rate", 1)]
    public void Edit_distance_is_the_levenshtein_distance(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Between(a, b));
        Assert.Equal(expected, EditDistance.Between(b, a));
    }
}
