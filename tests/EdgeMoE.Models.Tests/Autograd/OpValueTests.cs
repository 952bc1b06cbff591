using EdgeMoE.Models.Autograd;
using EdgeMoE.Models.Tensors;
using static EdgeMoE.Models.Tests.Autograd.GradientCheck;

namespace EdgeMoE.Models.Tests.Autograd;

public sealed class OpValueTests
{
    [Theory]
    [InlineData(2, 3, 5, 6, 4, 3, 1, 1)]
    [InlineData(1, 2, 7, 5, 3, 3, 2, 1)]
    [InlineData(1, 32, 14, 14, 64, 3, 1, 1)]
    public void Conv2d_matches_a_direct_float64_convolution(int n, int c, int h, int w, int outChannels, int kernel, int stride, int padding)
    {
        var x = Random(1, n, c, h, w);
        var weight = Random(2, outChannels, c, kernel, kernel);
        var bias = Random(3, outChannels);
        var y = Functional.Conv2d(x, weight, bias, stride, padding);
        int oh = y.Shape[2], ow = y.Shape[3];
        for (var b = 0; b < n; b++)
        {
            for (var o = 0; o < outChannels; o++)
            {
                for (var i = 0; i < oh; i++)
                {
                    for (var j = 0; j < ow; j++)
                    {
                        double sum = bias.Span[o];
                        for (var ch = 0; ch < c; ch++)
                        {
                            for (var di = 0; di < kernel; di++)
                            {
                                for (var dj = 0; dj < kernel; dj++)
                                {
                                    int ih = (i * stride) - padding + di, iw = (j * stride) - padding + dj;
                                    if (ih >= 0 && ih < h && iw >= 0 && iw < w)
                                    {
                                        sum += (double)x.Span[(((b * c) + ch) * h * w) + (ih * w) + iw] * weight.Span[(((o * c) + ch) * kernel * kernel) + (di * kernel) + dj];
                                    }
                                }
                            }
                        }

                        var got = y.Span[(((b * outChannels) + o) * oh * ow) + (i * ow) + j];
                        Assert.True(Math.Abs(got - sum) < 1e-4, $"output ({b},{o},{i},{j}) is {got}, expected {sum}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Max_pool_picks_window_maxima_and_relu_max_pool_clamps_them()
    {
        var x = Tensor.FromValues([1, -2, 3, 4, -5, -6, -7, -8, 0.5f, 9, 10, 11, -12, -13, -14, -15], 1, 1, 4, 4);
        Assert.Equal([1, 4, 9, 11], Functional.MaxPool2d(x, 2).ToArray());
        Assert.Equal([-6, -8, -13, -15], Functional.Scale(Functional.MaxPool2d(Functional.Scale(x, -1f), 2), -1f).ToArray());
        Assert.Equal([6, 8, 13, 15], Functional.ReluMaxPool2d(Functional.Scale(x, -1f), 2).ToArray());
        Assert.Equal([0, 0, 0, 0], Functional.ReluMaxPool2d(Functional.Sub(x, Tensor.Full(12f, 1, 1, 4, 4)), 2).ToArray());
        Assert.Equal([-3f, -2f, -3.875f, -2f], Functional.AvgPool2d(x, 2).ToArray());
    }

    [Fact]
    public void Gelu_matches_pytorch_values()
    {
        var x = Tensor.FromValues([-1f, 0f, 1f, 2.5f], 4);
        var exact = Functional.Gelu(x).ToArray();
        var tanh = Functional.Gelu(x, tanhApproximation: true).ToArray();
        Assert.Equal(-0.1586553f, exact[0], 5);
        Assert.Equal(0f, exact[1]);
        Assert.Equal(0.8413447f, exact[2], 5);
        Assert.Equal(2.4844758f, exact[3], 5);
        Assert.Equal(0.841192f, tanh[2], 5);
    }

    [Fact]
    public void Softmax_rows_sum_to_one_and_log_softmax_is_its_log()
    {
        var x = Tensor.FromValues([1000f, 1001f, 1002f, -3f, 0f, 3f], 2, 3);
        var p = Functional.Softmax(x).ToArray();
        var lp = Functional.LogSoftmax(x).ToArray();
        Assert.Equal(1.0, p[..3].Sum(), 5);
        Assert.Equal(1.0, p[3..].Sum(), 5);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(Math.Log(p[i]), lp[i], 4);
        }

        Assert.Equal(0.6652410, p[2], 5);
    }

    [Fact]
    public void Cross_entropy_matches_the_closed_form_with_label_smoothing()
    {
        var logits = Tensor.FromValues([2f, 1f, 0.1f, 0.5f, 2.5f, 0.3f], 2, 3);
        var plain = Functional.CrossEntropy(logits, [0, 2]).Item();
        var smoothed = Functional.CrossEntropy(logits, [0, 2], 0.2f).Item();
        static double[] LogSoftmax(double[] v) => v.Select(x => x - Math.Log(v.Sum(Math.Exp))).ToArray();
        var r0 = LogSoftmax([2, 1, 0.1]);
        var r1 = LogSoftmax([0.5, 2.5, 0.3]);
        Assert.Equal((-r0[0] - r1[2]) / 2, plain, 5);
        var expected = ((0.8 * -r0[0]) + (0.2 / 3 * -r0.Sum()) + (0.8 * -r1[2]) + (0.2 / 3 * -r1.Sum())) / 2;
        Assert.Equal(expected, smoothed, 5);
    }

    [Fact]
    public void Layer_norm_outputs_have_zero_mean_and_unit_variance()
    {
        var x = Random(4, 3, 10);
        var y = Functional.LayerNorm(x, null, null).ToArray();
        for (var r = 0; r < 3; r++)
        {
            var row = y.Skip(r * 10).Take(10).ToArray();
            Assert.Equal(0, row.Average(), 5);
            Assert.Equal(1, row.Select(v => v * v).Average(), 3);
        }
    }

    [Fact]
    public void Attention_matches_a_naive_single_head_computation()
    {
        var q = Random(5, 1, 2, 3);
        var k = Random(6, 1, 4, 3);
        var v = Random(7, 1, 4, 3);
        var y = Functional.ScaledDotProductAttention(q, k, v, heads: 1).ToArray();
        for (var i = 0; i < 2; i++)
        {
            var scores = Enumerable.Range(0, 4).Select(j => Enumerable.Range(0, 3).Sum(d => (double)q.Span[(i * 3) + d] * k.Span[(j * 3) + d]) / Math.Sqrt(3)).ToArray();
            var weights = scores.Select(Math.Exp).ToArray();
            var total = weights.Sum();
            for (var d = 0; d < 3; d++)
            {
                var expected = Enumerable.Range(0, 4).Sum(j => weights[j] / total * v.Span[(j * 3) + d]);
                Assert.Equal(expected, y[(i * 3) + d], 5);
            }
        }
    }

    [Fact]
    public void Patchify_lays_patches_out_in_row_major_order()
    {
        var x = Tensor.FromValues(Enumerable.Range(0, 16).Select(i => (float)i).ToArray(), 1, 1, 4, 4);
        var patches = Functional.Patchify(x, 2);
        Assert.Equal([1, 4, 4], patches.Shape.ToArray());
        Assert.Equal([0, 1, 4, 5, 2, 3, 6, 7, 8, 9, 12, 13, 10, 11, 14, 15], patches.ToArray());
    }
}
