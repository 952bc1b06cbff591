namespace EdgeMoE.Actors.Edge.Routing;

/// <summary>
/// A test-accuracy measurement in progress: the gate's top-K experts of every test image, and the outputs each server
/// returned for the images that chose it (in image order).
/// </summary>
internal sealed record PendingEvaluation(long Slot, Akka.Actor.IActorRef ReplyTo, int[] Labels, float[] Scores, int[][] Chosen, float[]?[] Outputs)
{
    /// <summary>How many of the images chose server <paramref name="server"/>.</summary>
    public int ImagesFor(int server) => Chosen.Count(c => Array.IndexOf(c, server) >= 0);

    /// <summary>Fraction of images whose mixture prediction matches the label (0 for no image).</summary>
    public double Accuracy(int experts, int classes)
    {
        var cursors = new int[experts];
        var correct = 0;
        for (var i = 0; i < Labels.Length; i++)
        {
            var chosen = Chosen[i];
            var outputs = new float[chosen.Length][];
            for (var k = 0; k < chosen.Length; k++)
            {
                var j = chosen[k];
                outputs[k] = Outputs[j]!.AsSpan(cursors[j] * classes, classes).ToArray();
                cursors[j]++;
            }

            if (MixtureLoss.Predict(chosen, outputs, Scores.AsSpan(i * experts, experts)) == Labels[i])
            {
                correct++;
            }
        }

        return Labels.Length == 0 ? 0 : (double)correct / Labels.Length;
    }
}
