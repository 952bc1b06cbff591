namespace EdgeMoE.Hocon.Tests.Api;

public sealed class PropertiesMappingTests
{
    [Fact]
    public void Properties_keys_split_on_dots_and_values_stay_strings()
    {
        using var dir = new TempFolder();
        var file = dir.Write("p.properties", "# comment\n! also comment\na.b = 1\na.c:true\nlong = one \\\n   two\nesc = tab\\there");
        Assert.Equal("""{"a":{"b":"1","c":"true"},"long":"one two","esc":"tab\there"}""", Config.Load(file).ToJson(indented: false));
    }

    [Fact]
    public void When_a_key_is_both_a_value_and_an_object_the_object_wins()
    {
        using var dir = new TempFolder();
        var file = dir.Write("p.properties", "a=hello\na.b=world\nc.d=x\nc=y");
        Assert.Equal("""{"a":{"b":"world"},"c":{"d":"x"}}""", Config.Load(file).ToJson(indented: false));
    }

    [Fact]
    public void String_values_from_properties_convert_to_numbers_on_request()
    {
        using var dir = new TempFolder();
        var file = dir.Write("p.properties", "n=12");
        Assert.Equal(12, Config.Load(file).GetInt("n"));
    }
}
