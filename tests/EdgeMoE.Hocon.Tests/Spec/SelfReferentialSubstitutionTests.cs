namespace EdgeMoE.Hocon.Tests.Spec;

public sealed class SelfReferentialSubstitutionTests
{
    [Fact]
    public void A_field_can_extend_its_earlier_string_value() =>
        Assert.Equal("a:b:c:d", Hocon.Resolve("path : \"a:b:c\"\npath : ${path}\":d\"").GetString("path"));

    [Fact]
    public void A_field_can_append_to_its_earlier_array() =>
        Assert.Equal([1, 2, 3, 4], Hocon.Resolve("a = [1, 2, 3]\na = ${a} [4]").GetIntList("a"));

    [Fact]
    public void A_self_reference_can_extend_an_earlier_object() =>
        Assert.Equal("""{"foo":{"a":1,"b":2}}""", Hocon.Json("foo : { a : 1 }\nfoo : ${foo} { b : 2 }"));

    [Fact]
    public void A_self_reference_with_no_earlier_value_is_an_undefined_error() =>
        Assert.Equal("test.conf:1:7: cannot resolve ${foo}: it refers to 'foo' itself and no earlier value of 'foo' is defined", Hocon.Error("foo : ${foo}"));

    [Fact]
    public void A_self_reference_before_the_value_is_defined_is_an_error() =>
        Assert.Contains("no earlier value of 'foo'", Hocon.Error("foo : ${foo}\nfoo : { a : 1 }"));

    [Fact]
    public void An_optional_self_reference_with_nothing_below_makes_the_field_disappear() =>
        Assert.Equal("{}", Hocon.Json("foo : ${?foo}"));

    [Fact]
    public void An_optional_self_reference_in_a_concatenation_looks_back_to_nothing() =>
        Assert.Equal("foo", Hocon.Resolve("a = ${?a}foo").GetString("a"));

    [Fact]
    public void A_hidden_self_reference_is_ignored() => Assert.Equal("""{"foo":42}""", Hocon.Json("foo : ${foo}, foo : 42"));

    [Fact]
    public void A_self_reference_through_a_path_sees_the_value_below() =>
        Assert.Equal("""{"foo":{"a":2,"c":1}}""", Hocon.Json("foo : { a : { c : 1 } }\nfoo : ${foo.a}\nfoo : { a : 2 }"));

    [Fact]
    public void Self_references_chain_through_several_definitions() =>
        Assert.Equal("/bin:/usr/bin:/opt/bin", Hocon.Resolve("p = /bin\np = ${p}\":/usr/bin\"\np = ${p}\":/opt/bin\"").GetString("p"));

    [Fact]
    public void A_self_reference_falls_back_to_the_environment_when_nothing_is_below() =>
        Assert.Equal("/bin:/x", Hocon.Resolve("PATH = ${PATH}\":/x\"", name => name == "PATH" ? "/bin" : null).GetString("PATH"));

    [Fact]
    public void Inheritance_can_refer_to_a_plain_field_of_the_object_being_defined() =>
        Assert.Equal("east-6", Hocon.Resolve("base { size = 6 }\neast = ${base}\neast { name = east, label = ${east.name}-${east.size} }").GetString("east.label"));

    [Fact]
    public void Inheritance_can_refer_to_nested_fields_defined_on_either_side_of_the_merge() =>
        Assert.Equal("""{"base":{"inner":{"z":9}},"a":{"inner":{"z":9,"x":1,"y":1,"w":9}}}""",
            Hocon.Json("base { inner { z = 9 } }\na = ${base}\na { inner { x = 1, y = ${a.inner.x}, w = ${a.inner.z} } }"));

    [Fact]
    public void A_plain_value_stacked_over_a_substitution_is_found_without_resolving_it() =>
        Assert.Equal(2, Hocon.Resolve("a = ${b}\na { x = 2, y = ${a.x} }\nb { x = 1 }").GetInt("a.y"));
}
