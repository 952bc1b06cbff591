using EdgeMoE.Actors.Edge.Routing;

namespace EdgeMoE.Actors.Tests.Edge.Failures;

public sealed class InFlightTokenTests
{
    private static InFlightToken Token(params int[] experts) => new(7, 1, 70, new float[4], experts);

    [Fact]
    public void A_copy_moved_to_another_server_keeps_the_outputs_in_step_with_the_servers()
    {
        var token = Token(1, 4, 6);
        Assert.False(token.Receive(6, [6f], incarnation: 0));
        token.Replace(4, 0);
        Assert.Equal([0, 1, 6], token.Experts);
        Assert.Equal([0, 1], token.Missing());
        Assert.False(token.Receive(1, [1f], 0));
        Assert.True(token.Receive(0, [0f], 2));
        Assert.Equal([0f, 1f, 6f], token.Outputs.Select(o => o[0]));
        Assert.Equal(2, token.IncarnationAt(0));
    }

    [Fact]
    public void Dropping_its_last_missing_copy_completes_the_token_and_dropping_all_leaves_it_unassigned()
    {
        var token = Token(2, 3);
        token.Receive(2, [2f], 0);
        token.Drop(3);
        Assert.True(token.IsComplete);
        Assert.Equal([2], token.Experts);

        var orphan = Token(5);
        orphan.Drop(5);
        Assert.True(orphan.IsUnassigned);
        Assert.False(orphan.IsComplete);
        orphan.Assign([0, 2]);
        Assert.Equal([0, 2], orphan.Missing());
    }

    [Fact]
    public void A_copy_that_already_answered_cannot_be_moved_or_dropped()
    {
        var token = Token(1, 2);
        token.Receive(1, [1f], 0);
        Assert.Throws<InvalidOperationException>(() => token.Replace(1, 3));
        Assert.Throws<InvalidOperationException>(() => token.Drop(1));
        Assert.Throws<InvalidOperationException>(() => token.Replace(2, 1));
    }
}
