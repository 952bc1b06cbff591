using Akka.Actor;
using EdgeMoE.Models.Moe;
using EdgeMoE.Models.Moe.ChannelAware;
using EdgeMoE.Models.Nn;

namespace EdgeMoE.Actors.ChannelAware;

/// <summary>An edge device hosting one trained expert: it classifies the features its link delivers.</summary>
public sealed class EdgeExpertActor : ReceiveActor
{
    private readonly MlpExpert _expert;

    /// <summary>Owns <paramref name="expert"/> from now on (no other thread may use it).</summary>
    public EdgeExpertActor(MlpExpert expert)
    {
        _expert = expert;
        Receive<ExpertInput>(OnInput);
    }

    /// <summary>Props of an expert actor.</summary>
    public static Props Props(MlpExpert expert) => Akka.Actor.Props.Create(() => new EdgeExpertActor(expert));

    private void OnInput(ExpertInput input)
    {
        TorchThreads.ApplyToCallingThread();
        var logits = ChannelAwareMoe.ExpertLogits(_expert, input.Features.ToArray());
        Sender.Tell(new ExpertOutput(input.Round, input.Samples, logits));
    }
}
