namespace EdgeMoE.Hocon.Tests.Spec;

public sealed class StringConcatenationTests
{
    [Fact]
    public void Whitespace_between_simple_values_is_preserved_and_ends_are_trimmed() =>
        Assert.Equal("foo  bar\tbaz", Hocon.Resolve("a =   foo  bar\tbaz   ").GetString("a"));

    [Fact]
    public void Numbers_keep_the_text_they_were_written_as() =>
        Assert.Equal("1e5 0.50 true null", Hocon.Resolve("a = 1e5 0.50 true null").GetString("a"));

    [Fact]
    public void Quoted_and_unquoted_parts_join_into_one_string() =>
        Assert.Equal("null bar 42 baz true 3.14 hi", Hocon.Resolve("a = null bar 42 \"baz\" true 3.14 hi").GetString("a"));

    [Fact]
    public void Substitutions_are_converted_to_text_inside_a_concatenation() =>
        Assert.Equal("I have 42 apples", Hocon.Resolve("n = 42\na = I have ${n} apples").GetString("a"));

    [Fact]
    public void Concatenating_a_string_with_an_array_is_an_error_at_the_string() =>
        Assert.Equal("test.conf:1:9: cannot concatenate the string \"foo\" with a list", Hocon.Error("a = [1] foo"));

    [Fact]
    public void Non_newline_whitespace_in_an_array_concatenates_instead_of_separating() =>
        Assert.Equal("""{"a":["1 2 3 4"],"b":[1,2,3,4]}""", Hocon.Json("a = [ 1 2 3 4 ]\nb = [ 1\n2\n3\n4 ]"));
}
