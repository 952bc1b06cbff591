namespace EdgeMoE.Hocon.Tests.Spec;

public sealed class QuotedAndMultiLineStringsTests
{
    [Fact]
    public void Json_escapes_are_decoded_in_quoted_strings() =>
        Assert.Equal("a\"b\\c/d\n\t\u00e9", Hocon.Resolve("""x = "a\"b\\c\/d\n\t\u00e9" """).GetString("x"));

    [Fact]
    public void Triple_quoted_strings_keep_newlines_and_escapes_verbatim() =>
        Assert.Equal("line1\n  \\n line2", Hocon.Resolve("x = \"\"\"line1\n  \\n line2\"\"\"").GetString("x"));

    [Fact]
    public void Extra_quotes_before_the_closing_triple_belong_to_the_string() =>
        Assert.Equal("foo\"\"", Hocon.Resolve("x = \"\"\"foo\"\"\"\"\"").GetString("x"));

    [Fact]
    public void A_newline_in_a_quoted_string_is_an_error_at_the_newline() =>
        Assert.Equal("test.conf:1:8: newline in a quoted string; close the string or use a triple-quoted \"\"\"string\"\"\"", Hocon.Error("a = \"ab\ncd\""));

    [Fact]
    public void An_unterminated_triple_quoted_string_is_an_error_where_it_starts() =>
        Assert.Equal("test.conf:2:5: unterminated triple-quoted string (missing closing '\"\"\"')", Hocon.Error("a = 1\nb = \"\"\"abc"));

    [Fact]
    public void An_invalid_escape_is_an_error_at_the_backslash() =>
        Assert.Equal("test.conf:1:7: invalid escape '\\q' in a quoted string", Hocon.Error("a = \"x\\q\""));
}
