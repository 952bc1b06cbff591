using System.Text.Json;

namespace EdgeMoE.Hocon.Tests.Api;

public sealed class RenderingTests
{
    private const string Sample = """
        b { z = 2e-27, y = [1, "two", {k = null}], "x.y" = "q\"uote" }
        a = true
        """;

    [Fact]
    public void Json_output_is_valid_json_with_numbers_as_numbers_in_definition_order()
    {
        var json = Hocon.Resolve(Sample).ToJson();
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(["b", "a"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Number, doc.RootElement.GetProperty("b").GetProperty("z").ValueKind);
        Assert.Equal(2e-27, doc.RootElement.GetProperty("b").GetProperty("z").GetDouble());
    }

    [Fact]
    public void Hocon_output_parses_back_to_the_same_tree()
    {
        var config = Hocon.Resolve(Sample);
        Assert.Equal(config.ToJson(), Hocon.Resolve(config.ToHocon()).ToJson());
    }

    [Fact]
    public void Numbers_with_leading_zeros_are_rendered_as_valid_json() =>
        Assert.Equal("""{"a":7}""", Hocon.Json("a = 007"));
}
