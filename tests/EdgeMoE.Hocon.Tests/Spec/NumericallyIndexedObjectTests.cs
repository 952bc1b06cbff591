namespace EdgeMoE.Hocon.Tests.Spec;

public sealed class NumericallyIndexedObjectTests
{
    [Fact]
    public void An_object_with_integer_keys_reads_as_a_list_sorted_by_key() =>
        Assert.Equal(["a", "b", "c"], Hocon.Resolve("foo.2 = c\nfoo.0 = a\nfoo.1 = b\nfoo.x = ignored").GetStringList("foo"));

    [Fact]
    public void An_object_without_integer_keys_is_not_a_list() =>
        Assert.Equal("test.conf:1:5: foo: expected a list, got object", Hocon.GetterError("foo { x = 1 }", c => c.GetList("foo")));
}
