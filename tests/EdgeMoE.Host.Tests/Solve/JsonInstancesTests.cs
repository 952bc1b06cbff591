using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Commands.Solve;

namespace EdgeMoE.Host.Tests.Solve;

public sealed class JsonInstancesTests
{
    private static JsonInstances FromStdin(string json) => JsonInstances.Read("-", new StringReader(json));

    [Fact]
    public void A_single_object_is_one_instance_and_not_an_array()
    {
        var input = FromStdin("""{"K": 3}""");
        Assert.False(input.WasArray);
        Assert.Equal(3, Assert.Single(input.Items).Integer("K", min: 1));
    }

    [Fact]
    public void Errors_name_the_instance_index_and_the_nested_field()
    {
        var input = FromStdin("""[{"experts": [{"Q": 1}]}, {"experts": [{"Q": 1}, {"Q": -4}]}]""");
        var second = input.Items[1];
        var error = Assert.Throws<BadInputException>(() => second.Objects("experts")[1].Number("Q", min: 0));
        Assert.Equal("<stdin>: instance 1: field 'experts[1].Q' must be ≥ 0, got -4", error.Message);
    }

    [Fact]
    public void Malformed_json_reports_line_and_column()
    {
        var error = Assert.Throws<BadInputException>(() => FromStdin("{\n  \"K\": 3,\n  oops\n}"));
        Assert.StartsWith("<stdin>:3:3: malformed JSON", error.Message);
    }

    [Fact]
    public void Missing_fields_wrong_types_and_ragged_matrices_are_named()
    {
        var instance = FromStdin("""{"scores": [[0.1, 0.2], [0.3]], "K": "three"}""").Items[0];
        Assert.Equal("<stdin>: field 'V' is missing", Assert.Throws<BadInputException>(() => instance.Number("V")).Message);
        Assert.Contains("field 'K' must be an integer", Assert.Throws<BadInputException>(() => instance.Integer("K")).Message);
        Assert.Equal(
            "<stdin>: field 'scores[1]' must have 2 entries, got 1",
            Assert.Throws<BadInputException>(() => instance.Matrix("scores")).Message);
    }

    [Fact]
    public void A_missing_file_is_bad_input()
    {
        var error = Assert.Throws<BadInputException>(() => JsonInstances.Read("/nonexistent/in.json", TextReader.Null));
        Assert.StartsWith("/nonexistent/in.json: cannot read the input", error.Message);
    }
}
