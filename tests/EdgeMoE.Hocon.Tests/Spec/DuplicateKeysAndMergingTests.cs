namespace EdgeMoE.Hocon.Tests.Spec;

public sealed class DuplicateKeysAndMergingTests
{
    [Fact]
    public void A_later_non_object_value_overrides_an_earlier_one() =>
        Assert.Equal("""{"a":2}""", Hocon.Json("a = 1\na = 2"));

    [Fact]
    public void Two_objects_for_the_same_key_are_merged_recursively() =>
        Assert.Equal("""{"foo":{"a":42,"x":{"p":1,"q":2},"b":43}}""",
            Hocon.Json("foo : { a : 42, x { p = 1 } }\nfoo : { b : 43, x { q = 2 } }"));

    [Fact]
    public void An_intermediate_null_prevents_the_object_merge() =>
        Assert.Equal("""{"foo":{"b":43}}""", Hocon.Json("foo : { a : 42 }\nfoo : null\nfoo : { b : 43 }"));

    [Fact]
    public void An_object_replaces_an_earlier_number() =>
        Assert.Equal("""{"a":{"b":1}}""", Hocon.Json("a = 5\na { b = 1 }"));

    [Fact]
    public void Keys_keep_the_position_of_their_first_definition() =>
        Assert.Equal("""{"z":3,"a":1}""", Hocon.Json("z = 1\na = 1\nz = 3"));
}
