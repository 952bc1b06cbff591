namespace EdgeMoE.Hocon.Tests.Spec;

public sealed class KeyValueSeparatorTests
{
    [Theory]
    [InlineData("a : 1")]
    [InlineData("a = 1")]
    [InlineData("a=1")]
    [InlineData("\"a\":1")]
    public void Colon_and_equals_are_interchangeable(string text) => Assert.Equal("""{"a":1}""", Hocon.Json(text));

    [Fact]
    public void The_separator_may_be_omitted_before_an_object() =>
        Assert.Equal("""{"a":{"b":1}}""", Hocon.Json("a { b = 1 }"));

    [Fact]
    public void A_key_without_separator_or_object_is_an_error_at_the_offending_token() =>
        Assert.Equal("test.conf:3:1: expected ':', '=', '+=' or '{' after the key 'b', got 'c'", Hocon.Error("a = 1\nb\nc = 2"));

    [Fact]
    public void A_missing_value_is_an_error_at_the_token_found_instead() =>
        Assert.Equal("test.conf:1:5: expected a value, got ','", Hocon.Error("a = , b = 2"));

    [Fact]
    public void A_value_may_start_on_a_later_line_after_the_separator() =>
        Assert.Equal("""{"a":401}""", Hocon.Json("a :\n\n   401"));
}
