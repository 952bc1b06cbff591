namespace EdgeMoE.Hocon.Tests.Spec;

public sealed class PathsAsKeysTests
{
    [Fact]
    public void A_dotted_key_creates_nested_objects() =>
        Assert.Equal(Hocon.Json("foo { bar { baz : 42 } }"), Hocon.Json("foo.bar.baz : 42"));

    [Fact]
    public void Dotted_keys_merge_with_each_other() =>
        Assert.Equal("""{"a":{"x":42,"y":43}}""", Hocon.Json("a.x : 42, a.y : 43"));

    [Fact]
    public void Single_value_keys_are_always_strings() =>
        Assert.Equal("""{"true":42,"3":42,"3x":{"14":42}}""", Hocon.Json("true : 42\n3 : 42\n3x.14 : 42"));

    [Fact]
    public void A_number_with_a_fraction_as_key_is_a_two_element_path() =>
        Assert.Equal("""{"3":{"14":42}}""", Hocon.Json("3.14 : 42"));

    [Fact]
    public void Include_later_in_a_key_is_an_ordinary_word() =>
        Assert.Equal("""{"foo include":42,"x":"include"}""", Hocon.Json("foo include : 42\nx = include"));
}
