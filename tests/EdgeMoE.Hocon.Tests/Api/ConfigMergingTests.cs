namespace EdgeMoE.Hocon.Tests.Api;

public sealed class ConfigMergingTests
{
    [Fact]
    public void With_fallback_merges_objects_and_keeps_the_primary_values()
    {
        var primary = Hocon.Resolve("a { x = 1 }\nb = 2");
        var fallback = Hocon.Resolve("a { x = 0, y = 3 }\nb { z = 1 }\nc = 4");
        Assert.Equal("""{"a":{"x":1,"y":3},"b":2,"c":4}""", primary.WithFallback(fallback).ToJson(indented: false));
    }

    [Fact]
    public void An_intermediate_non_object_hides_earlier_fallbacks()
    {
        var merged = Hocon.Resolve("a { x = 1 }").WithFallback(Hocon.Resolve("a = 42")).WithFallback(Hocon.Resolve("a { y = 2 }"));
        Assert.Equal("""{"a":{"x":1}}""", merged.ToJson(indented: false));
    }

    [Fact]
    public void Documents_layered_before_resolution_let_a_file_extend_its_fallback()
    {
        var reference = HoconDocument.Parse("dirs = [/a]\nname = base", "reference.conf");
        var scenario = HoconDocument.Parse("dirs = ${dirs} [/b]\nname = ${name}-x", "scenario.conf");
        Assert.Equal("""{"dirs":["/a","/b"],"name":"base-x"}""", scenario.WithFallback(reference).Resolve(HoconResolveOptions.NoEnvironment).ToJson(indented: false));
    }
}
