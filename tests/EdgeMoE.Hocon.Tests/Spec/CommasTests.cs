namespace EdgeMoE.Hocon.Tests.Spec;

public sealed class CommasTests
{
    [Fact]
    public void Newlines_separate_fields_and_elements_like_commas() =>
        Assert.Equal("""{"a":[1,2,3],"b":2}""", Hocon.Json("a = [\n1\n2\n3\n]\nb = 2"));

    [Fact]
    public void One_trailing_comma_is_allowed_in_objects_and_arrays() =>
        Assert.Equal("""{"a":[1,2],"b":{"c":1}}""", Hocon.Json("a = [1, 2,]\nb = { c = 1, },"));

    [Fact]
    public void Two_commas_in_a_row_in_an_array_are_an_error() =>
        Assert.Equal("test.conf:1:9: two commas in a row; remove one", Hocon.Error("a = [1, , 2]"));

    [Fact]
    public void Two_commas_in_a_row_in_an_object_are_an_error() =>
        Assert.Equal("test.conf:1:7: two commas in a row; remove one", Hocon.Error("a = 1,,b = 2"));

    [Fact]
    public void A_stray_closing_brace_after_a_value_is_an_error() =>
        Assert.Equal("test.conf:1:7: expected ',' or a newline after the value of 'a', got '}'", Hocon.Error("a = 1 }"));

    [Fact]
    public void Fields_on_one_line_need_a_comma() =>
        Assert.Equal("test.conf:1:9: '=' is not allowed in an unquoted value; quote the string if it contains it", Hocon.Error("a = 1 b = 2"));
}
