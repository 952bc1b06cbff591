namespace EdgeMoE.Hocon.Tests.Spec;

public sealed class UnquotedStringsTests
{
    [Fact]
    public void Unquoted_text_is_a_string() => Assert.Equal("""{"a":"hello-world_1.2"}""", Hocon.Json("a = hello-world_1.2"));

    [Fact]
    public void A_leading_keyword_or_number_is_concatenated_with_what_follows() =>
        Assert.Equal("""{"a":"truefoo","b":"10.0bar","c":"footrue"}""", Hocon.Json("a = truefoo\nb = 10.0bar\nc = footrue"));

    [Fact]
    public void A_hyphen_not_followed_by_a_digit_reads_as_text_like_the_reference_implementation() =>
        Assert.Equal("--verbose", Hocon.Resolve("a = --verbose").GetString("a"));

    [Fact]
    public void A_lone_keyword_keeps_its_type() =>
        Assert.Equal("""{"a":true,"b":null,"c":-1.5e3}""", Hocon.Json("a = true\nb = null\nc = -1.5e3"));

    [Theory]
    [InlineData("a = x@y", "test.conf:1:6: the character '@' is reserved; quote the string if you meant it literally")]
    [InlineData("a = 50%^", "test.conf:1:8: the character '^' is reserved; quote the string if you meant it literally")]
    [InlineData("a = x!y", "test.conf:1:6: the character '!' is reserved; quote the string if you meant it literally")]
    [InlineData("a = b+c", "test.conf:1:6: '+' is only allowed as part of '+='; quote the string if you meant a '+'")]
    public void Forbidden_characters_are_errors_at_their_column(string text, string message) =>
        Assert.Equal(message, Hocon.Error(text));
}
