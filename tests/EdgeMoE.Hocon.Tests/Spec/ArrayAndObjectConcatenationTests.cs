namespace EdgeMoE.Hocon.Tests.Spec;

public sealed class ArrayAndObjectConcatenationTests
{
    [Fact]
    public void Adjacent_arrays_are_concatenated() => Assert.Equal("""{"a":[1,2,3,4]}""", Hocon.Json("a : [ 1, 2 ] [ 3, 4 ]"));

    [Fact]
    public void Adjacent_objects_are_merged() => Assert.Equal("""{"a":{"b":1,"c":2}}""", Hocon.Json("a : { b : 1 } { c : 2 }"));

    [Fact]
    public void A_substitution_and_an_object_merge_for_inheritance() =>
        Assert.Equal("""{"generic":{"cluster-size":6},"east":{"cluster-size":6,"name":"east"}}""",
            Hocon.Json("generic = { cluster-size = 6 }\neast = ${generic} { name = \"east\" }"));

    [Fact]
    public void Arrays_inside_an_array_concatenate_when_on_one_line() =>
        Assert.Equal("""{"a":[[1,2,3,4]],"b":[[1,2],[3,4]]}""", Hocon.Json("a = [ [ 1, 2 ] [ 3, 4 ] ]\nb = [ [ 1, 2 ]\n[ 3, 4 ] ]"));

    [Fact]
    public void Mixing_an_object_and_an_array_is_an_error() =>
        Assert.Equal("test.conf:1:13: cannot concatenate a list with an object", Hocon.Error("a = { b=1 } [ 1 ]"));

    [Fact]
    public void Substitutions_resolving_to_objects_ignore_the_whitespace_between_them() =>
        Assert.Equal("""{"x":{"p":1},"y":{"q":2},"z":{"p":1,"q":2}}""", Hocon.Json("x { p = 1 }\ny { q = 2 }\nz = ${x} ${y}"));
}
