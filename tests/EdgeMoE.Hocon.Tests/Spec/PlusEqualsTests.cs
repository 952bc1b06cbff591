namespace EdgeMoE.Hocon.Tests.Spec;

public sealed class PlusEqualsTests
{
    [Fact]
    public void Plus_equals_appends_to_an_existing_array() =>
        Assert.Equal(["a", "b", "c"], Hocon.Resolve("x = [a]\nx += b\nx += c").GetStringList("x"));

    [Fact]
    public void Plus_equals_may_be_the_first_mention_of_a_key() =>
        Assert.Equal([1], Hocon.Resolve("x += 1").GetIntList("x"));

    [Fact]
    public void Plus_equals_works_inside_nested_objects() =>
        Assert.Equal([1, 2], Hocon.Resolve("a { b = [1] }\na { b += 2 }").GetIntList("a.b"));

    [Fact]
    public void Plus_equals_on_a_non_array_is_an_error() =>
        Assert.Contains("cannot concatenate", Hocon.Error("x = 5\nx += 1"));
}
