namespace EdgeMoE.Hocon.Tests.Api;

public sealed class AutomaticTypeConversionTests
{
    private static readonly Config Sample = Hocon.Resolve("""
        run {
          seed = 42
          name = stable
          ratio = 0.25
          big = 9000000000
          flag = yes
          off = false
          count = "12"
          items = [1, 2, 3]
          nested { deep = x }
          nothing = null
        }
        """);

    [Fact]
    public void Scalars_convert_as_the_spec_recommends()
    {
        Assert.Equal(42, Sample.GetInt("run.seed"));
        Assert.Equal("stable", Sample.GetString("run.name"));
        Assert.Equal("42", Sample.GetString("run.seed"));
        Assert.Equal(0.25, Sample.GetDouble("run.ratio"));
        Assert.Equal(9_000_000_000L, Sample.GetLong("run.big"));
        Assert.True(Sample.GetBoolean("run.flag"));
        Assert.False(Sample.GetBoolean("run.off"));
        Assert.Equal(12, Sample.GetInt("run.count"));
        Assert.Equal([1, 2, 3], Sample.GetIntList("run.items"));
    }

    [Fact]
    public void Nested_config_errors_still_name_the_full_path() =>
        Assert.Equal("test.conf:10:19: run.nested.deep: expected a number, got string \"x\"",
            Assert.Throws<HoconException>(() => Sample.GetConfig("run").GetConfig("nested").GetDouble("deep")).Message);

    [Fact]
    public void A_wrong_type_names_the_path_and_the_file_line_and_column_where_it_was_set() =>
        Assert.Equal("test.conf:3:10: run.name: expected a 32-bit integer, got string \"stable\"",
            Assert.Throws<HoconException>(() => Sample.GetInt("run.name")).Message);

    [Fact]
    public void An_integer_that_does_not_fit_32_bits_is_rejected_by_GetInt() =>
        Assert.Contains("expected a 32-bit integer, got number 9000000000", Assert.Throws<HoconException>(() => Sample.GetInt("run.big")).Message);

    [Fact]
    public void A_fraction_is_not_an_integer() =>
        Assert.Contains("run.ratio: expected an integer", Assert.Throws<HoconException>(() => Sample.GetLong("run.ratio")).Message);

    [Fact]
    public void A_missing_path_is_reported_by_name() =>
        Assert.Equal("no setting at 'run.missing'", Assert.Throws<HoconException>(() => Sample.GetString("run.missing")).Message);

    [Fact]
    public void A_null_value_is_not_a_string_and_has_no_path() =>
        Assert.Multiple(
            () => Assert.False(Sample.HasPath("run.nothing")),
            () => Assert.Contains("run.nothing: expected a value, got null", Assert.Throws<HoconException>(() => Sample.GetString("run.nothing")).Message));

    [Fact]
    public void Origin_reports_file_line_and_column() => Assert.Equal(new ConfigOrigin("test.conf", 2, 10), Sample.Origin("run.seed"));
}
