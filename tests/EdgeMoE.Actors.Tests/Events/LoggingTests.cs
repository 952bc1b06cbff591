using Microsoft.Extensions.Logging;

namespace EdgeMoE.Actors.Tests.Events;

public sealed class LoggingTests : ActorTestKit
{
    [Fact]
    public void Actor_log_entries_carry_the_actor_path_in_their_scope()
    {
        var actor = ActorOf<Chatty>("chatty");
        actor.Tell("hello");
        RunUntilQuiescent();
        var entry = Assert.Single(LogEntries, e => e.Message == "said hello");
        Assert.Equal("edgemoe://test/user/chatty", entry.ActorPath);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal(typeof(Chatty).FullName, entry.Category);
        AssertNoLoggedErrors();
    }

    private sealed class Chatty : ActorBase
    {
        protected override void OnReceive(object message) => Context.Log.LogInformation("said {Message}", message);
    }
}
