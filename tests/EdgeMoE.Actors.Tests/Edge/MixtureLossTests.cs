using EdgeMoE.Actors.Edge.Routing;

namespace EdgeMoE.Actors.Tests.Edge;

public sealed class MixtureLossTests
{
    private const int Experts = 4;

    [Fact]
    public void Gradients_match_central_finite_differences()
    {
        var random = new Random(5);
        var tokens = Enumerable.Range(0, 3).Select(i => new MixtureLoss.Token(
            i % 3,
            i == 1 ? [0, 3] : [1, 2],
            [.. Enumerable.Range(0, 2).Select(_ => Enumerable.Range(0, 3).Select(_ => (float)random.NextDouble() * 2 - 1).ToArray())])).ToArray();
        var scores = new float[tokens.Length * Experts];
        for (var i = 0; i < tokens.Length; i++)
        {
            var row = Enumerable.Range(0, Experts).Select(_ => 0.2 + random.NextDouble()).ToArray();
            for (var j = 0; j < Experts; j++)
            {
                scores[(i * Experts) + j] = (float)(row[j] / row.Sum());
            }
        }

        var result = MixtureLoss.Evaluate(tokens, scores, Experts);
        const float h = 1e-3f;
        for (var i = 0; i < tokens.Length; i++)
        {
            for (var k = 0; k < 2; k++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var original = tokens[i].Outputs[k][c];
                    tokens[i].Outputs[k][c] = original + h;
                    var up = MixtureLoss.Evaluate(tokens, scores, Experts).Loss;
                    tokens[i].Outputs[k][c] = original - h;
                    var down = MixtureLoss.Evaluate(tokens, scores, Experts).Loss;
                    tokens[i].Outputs[k][c] = original;
                    Assert.Equal((up - down) / (2 * h), result.OutputGradients[i][k][c], 3);
                }
            }

            for (var j = 0; j < Experts; j++)
            {
                var index = (i * Experts) + j;
                var original = scores[index];
                scores[index] = original + h;
                var up = MixtureLoss.Evaluate(tokens, scores, Experts).Loss;
                scores[index] = original - h;
                var down = MixtureLoss.Evaluate(tokens, scores, Experts).Loss;
                scores[index] = original;
                Assert.Equal((up - down) / (2 * h), result.ScoreGradients[index], 3);
            }
        }
    }

    [Fact]
    public void The_loss_of_one_token_is_the_cross_entropy_of_the_weighted_outputs()
    {
        // Weights 0.25/(0.25+0.5) = 1/3 and 2/3; mixed logits (1/3)·[3,0] + (2/3)·[0,3] = [1, 2].
        var token = new MixtureLoss.Token(1, [0, 1], [[3f, 0f], [0f, 3f]]);
        var result = MixtureLoss.Evaluate([token], [0.25f, 0.5f, 0.25f], 3);
        Assert.Equal(Math.Log(1 + Math.Exp(-1)), result.Loss, 6);
        Assert.Equal(0f, result.ScoreGradients[2]);
        Assert.Equal(1, MixtureLoss.Predict([0, 1], [[3f, 0f], [0f, 3f]], [0.25f, 0.5f, 0.25f]));
    }
}
