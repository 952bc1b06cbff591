namespace EdgeMoE.Hocon.Tests.Api;

public sealed class DurationTests
{
    [Theory]
    [InlineData("10s", 10_000.0)]
    [InlineData("100 ms", 100.0)]
    [InlineData("1 minute", 60_000.0)]
    [InlineData("1.5h", 5_400_000.0)]
    [InlineData("2 days", 172_800_000.0)]
    [InlineData("250 us", 0.25)]
    [InlineData("\"750\"", 750.0)]
    [InlineData("30", 30.0)]
    public void Durations_parse_with_the_spec_units(string text, double milliseconds) =>
        Assert.Equal(milliseconds, Hocon.Resolve($"t = {text}").GetDuration("t").TotalMilliseconds, 9);

    [Fact]
    public void Nanoseconds_round_to_the_100ns_tick() => Assert.Equal(2, Hocon.Resolve("t = 150 ns").GetDuration("t").Ticks);

    [Fact]
    public void Duration_units_are_case_sensitive() =>
        Assert.Equal("test.conf:1:5: t: unknown duration unit 'S' (use ns, us, ms, s, m, h, d or their long names), got \"10 S\"",
            Hocon.GetterError("t = 10 S", c => c.GetDuration("t")));
}
