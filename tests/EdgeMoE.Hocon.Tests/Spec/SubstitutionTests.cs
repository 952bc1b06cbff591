namespace EdgeMoE.Hocon.Tests.Spec;

public sealed class SubstitutionTests
{
    [Fact]
    public void A_lone_substitution_keeps_the_type_of_its_target() =>
        Assert.Equal("""{"a":{"b":[1,2]},"c":{"b":[1,2]},"d":[1,2],"e":null,"n":null}""", Hocon.Json("a.b = [1, 2]\nc = ${a}\nd = ${a.b}\ne = ${n}\nn = null"));

    [Fact]
    public void Substitutions_look_forward_to_the_final_value() =>
        Assert.Equal("""{"a":3,"b":3}""", Hocon.Json("a = ${b}\nb = 1\nb = 3"));

    [Fact]
    public void Substitution_paths_are_absolute() =>
        Assert.Equal(5, Hocon.Resolve("x { y = 5, z = ${x.y} }").GetInt("x.z"));

    [Fact]
    public void Substitutions_are_not_parsed_inside_quoted_strings() =>
        Assert.Equal("${a}", Hocon.Resolve("a = 1\nb = \"${a}\"").GetString("b"));

    [Fact]
    public void An_object_may_refer_to_a_sibling_inside_itself_and_sees_the_final_value() =>
        Assert.Equal(43, Hocon.Resolve("bar : { foo : 42, baz : ${bar.foo} }\nbar : { foo : 43 }").GetInt("bar.baz"));

    [Fact]
    public void Mutually_referring_objects_resolve() =>
        Assert.Equal("""{"bar":{"a":4,"b":3},"foo":{"c":3,"d":4}}""",
            Hocon.Json("bar : { a : ${foo.d}, b : 1 }\nbar.b = 3\nfoo : { c : ${bar.b}, d : 2 }\nfoo.d = 4"));

    [Fact]
    public void An_undefined_optional_substitution_does_not_create_the_field() =>
        Assert.Equal("""{"b":1}""", Hocon.Json("a = ${?missing}\nb = 1\nb = ${?missing}"));

    [Fact]
    public void An_undefined_optional_substitution_is_dropped_from_an_array_and_empty_in_a_string() =>
        Assert.Equal("""{"a":[1,2],"s":"xy"}""", Hocon.Json("a = [1, ${?nope}, 2]\ns = x${?nope}y"));

    [Fact]
    public void An_unresolved_substitution_is_an_error_at_the_substitution() =>
        Assert.Equal("test.conf:2:13: cannot resolve ${does.not.exist}: no setting at 'does.not.exist' and no environment variable 'does.not.exist'",
            Hocon.Error("a = 1\nb = [ 1, 2, ${does.not.exist} ]"));

    [Fact]
    public void A_substitution_hidden_by_a_later_value_is_never_evaluated() =>
        Assert.Equal("""{"foo":42}""", Hocon.Json("foo : ${does-not-exist}\nfoo : 42"));

    [Fact]
    public void A_two_step_cycle_is_an_error_naming_the_chain() =>
        Assert.StartsWith("test.conf:2:7: substitution cycle", Hocon.Error("bar : ${foo}\nfoo : ${bar}"));

    [Fact]
    public void A_three_step_cycle_is_detected() =>
        Assert.Contains("substitution cycle", Hocon.Error("a : ${b}\nb : ${c}\nc : ${a}"));

    [Fact]
    public void An_object_containing_a_reference_to_itself_is_an_unbreakable_cycle() =>
        Assert.Equal("test.conf:1:11: substitution cycle through 'a': ${a} (1:11)", Hocon.Error("a : { b : ${a} }"));

    [Fact]
    public void An_array_containing_a_reference_to_itself_is_an_unbreakable_cycle() =>
        Assert.Contains("substitution cycle", Hocon.Error("a : [${a}]"));

    [Fact]
    public void An_optional_substitution_in_a_cycle_is_treated_as_missing() =>
        Assert.Equal("""{"a":{}}""", Hocon.Json("a : { b : ${?a} }"));

    [Fact]
    public void Each_substitution_instance_resolves_to_one_value_shared_by_its_users() =>
        Assert.Equal("""{"x":7,"y":{"v":7},"z":{"v":7}}""", Hocon.Json("x = 7\ny { v = ${x} }\nz = ${y}"));

    [Fact]
    public void Two_fields_that_look_back_at_each_other_are_reported_as_a_cycle_rather_than_given_different_values() =>
        Assert.Contains("substitution cycle", Hocon.Error("a : 1\nb : 2\na : ${b}\nb : ${a}"));

    [Fact]
    public void An_empty_substitution_is_a_syntax_error() =>
        Assert.Equal("test.conf:1:5: empty substitution: expected a path such as a.b.c", Hocon.Error("a = ${}"));

    [Fact]
    public void An_unterminated_substitution_is_a_syntax_error() =>
        Assert.Equal("test.conf:1:5: unterminated substitution (missing '}')", Hocon.Error("a = ${b.c\nd = 1"));

    [Fact]
    public void Quoted_path_elements_in_substitutions_may_contain_dots() =>
        Assert.Equal(1, Hocon.Resolve("\"a.b\" { c = 1 }\nx = ${\"a.b\".c}").GetInt("x"));
}
