namespace EdgeMoE.Hocon.Tests.Spec;

public sealed class PathExpressionTests
{
    [Theory]
    [InlineData("foo.bar.\"hello.world\"", new[] { "foo", "bar", "hello.world" })]
    [InlineData("10.0foo", new[] { "10", "0foo" })]
    [InlineData("foo10.0", new[] { "foo10", "0" })]
    [InlineData("foo\"10.0\"", new[] { "foo10.0" })]
    [InlineData("1.2.3", new[] { "1", "2", "3" })]
    [InlineData("a.\"\".b", new[] { "a", "", "b" })]
    [InlineData("true", new[] { "true" })]
    public void Path_expressions_split_on_unquoted_dots_only(string expression, string[] elements) =>
        Assert.Equal(elements, HoconPath.Parse(expression));

    [Theory]
    [InlineData("a..b")]
    [InlineData(".a")]
    [InlineData("a.")]
    public void Empty_unquoted_path_elements_are_errors(string expression) =>
        Assert.Contains("empty element", Assert.Throws<HoconException>(() => HoconPath.Parse(expression)).Message);

    [Fact]
    public void Rendering_quotes_only_the_elements_that_need_it() =>
        Assert.Equal("a.\"b.c\".\"\".d-e", HoconPath.Render(["a", "b.c", "", "d-e"]));

    [Fact]
    public void A_key_with_an_empty_element_is_an_error_at_its_position() =>
        Assert.Equal("test.conf:2:1: key has an empty element (a leading, trailing or doubled '.'); quote it as \"\" if you mean an empty key",
            Hocon.Error("x = 1\na..b = 2"));
}
