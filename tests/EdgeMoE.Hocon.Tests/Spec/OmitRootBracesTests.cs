namespace EdgeMoE.Hocon.Tests.Spec;

public sealed class OmitRootBracesTests
{
    [Fact]
    public void A_file_without_root_braces_is_an_object() =>
        Assert.Equal("""{"a":1,"b":{"c":2}}""", Hocon.Json("a = 1\nb { c = 2 }"));

    [Fact]
    public void A_file_with_root_braces_is_the_same_object() =>
        Assert.Equal(Hocon.Json("a = 1\nb { c = 2 }"), Hocon.Json("{ a = 1\nb { c = 2 } }"));

    [Fact]
    public void An_empty_file_is_an_empty_object() => Assert.Equal("{}", Hocon.Json("  \n# only a comment\n"));

    [Fact]
    public void A_root_array_is_rejected_with_its_position() =>
        Assert.Equal("test.conf:2:1: a configuration file must contain an object, not an array", Hocon.Error("\n[1, 2]"));

    [Fact]
    public void An_unclosed_root_brace_names_where_it_was_opened() =>
        Assert.Equal("test.conf:2:6: expected '}' to close the object opened at 1:1, got end of file", Hocon.Error("{ a = 1\nb = 2"));
}
