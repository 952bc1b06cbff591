namespace EdgeMoE.Hocon.Tests.Spec;

public sealed class CommentsTests
{
    [Fact]
    public void Hash_and_double_slash_start_comments_that_run_to_the_end_of_the_line() =>
        Assert.Equal("""{"a":1,"b":2}""", Hocon.Json("a = 1 # one\n// whole line\nb = 2 // two"));

    [Fact]
    public void Comment_characters_inside_quoted_strings_are_text() =>
        Assert.Equal("""{"a":"x # y // z"}""", Hocon.Json("a = \"x # y // z\""));

    [Fact]
    public void A_single_slash_is_part_of_an_unquoted_string() =>
        Assert.Equal("""{"dir":"/usr/share/data"}""", Hocon.Json("dir = /usr/share/data"));

    [Fact]
    public void A_comment_between_separator_and_value_is_skipped() =>
        Assert.Equal("""{"a":"abcd"}""", Hocon.Json("a : // note\n  \"abcd\""));
}
