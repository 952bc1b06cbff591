namespace EdgeMoE.Hocon.Tests.Spec;

public sealed class WhitespaceTests
{
    [Fact]
    public void Unicode_space_separators_and_the_bom_are_whitespace() =>
        Assert.Equal("""{"a":1,"b":2}""", Hocon.Json("\uFEFFa\u00A0=\u20031\nb\u2007:\u202F2"));

    [Fact]
    public void Carriage_returns_are_whitespace_so_crlf_files_parse() =>
        Assert.Equal("""{"a":1,"b":[1,2]}""", Hocon.Json("a = 1\r\nb = [\r\n1\r\n2\r\n]\r\n"));

    [Fact]
    public void Whitespace_inside_a_key_is_kept() =>
        Assert.Equal("""{"a b c":42}""", Hocon.Json("a b c : 42"));
}
