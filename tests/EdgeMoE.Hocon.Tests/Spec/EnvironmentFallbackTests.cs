namespace EdgeMoE.Hocon.Tests.Spec;

public sealed class EnvironmentFallbackTests
{
    [Fact]
    public void Missing_substitutions_fall_back_to_environment_variables_as_strings() =>
        Assert.Equal("""{"home":"/home/edge","n":"3"}""",
            Hocon.Resolve("home = ${HOME}\nn = ${?THREADS}", name => name switch { "HOME" => "/home/edge", "THREADS" => "3", _ => null }).ToJson(indented: false));

    [Fact]
    public void A_null_in_the_configuration_blocks_the_environment_fallback() =>
        Assert.Equal("""{"HOME":null,"h":null}""", Hocon.Resolve("HOME = null\nh = ${HOME}", _ => "/home/edge").ToJson(indented: false));

    [Fact]
    public void An_environment_variable_set_to_the_empty_string_is_defined() =>
        Assert.Equal("""{"x":""}""", Hocon.Resolve("x = ${?EMPTY}", name => name == "EMPTY" ? "" : null).ToJson(indented: false));

    [Fact]
    public void An_optional_substitution_found_only_in_the_environment_creates_the_field() =>
        Assert.Equal("""{"a":"set"}""", Hocon.Resolve("a = ${?FROM_ENV}", name => name == "FROM_ENV" ? "set" : null).ToJson(indented: false));

    [Fact]
    public void Environment_values_convert_on_request_and_carry_their_variable_as_origin()
    {
        var config = Hocon.Resolve("threads = ${THREADS}", name => name == "THREADS" ? "8" : null);
        Assert.Equal(8, config.GetInt("threads"));
        Assert.Equal("environment variable THREADS", config.Origin("threads").ToString());
    }

    [Fact]
    public void Configuration_values_take_precedence_over_the_environment() =>
        Assert.Equal("conf", Hocon.Resolve("HOME = conf\nh = ${HOME}", _ => "env").GetString("h"));
}
