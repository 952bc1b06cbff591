using EdgeMoE.Models.Autograd;
using EdgeMoE.Models.Tensors;
using static EdgeMoE.Models.Tests.Autograd.GradientCheck;

namespace EdgeMoE.Models.Tests.Autograd;

public sealed class OpGradientTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(24)]
    public void Element_wise_arithmetic_has_correct_gradients(int n)
    {
        var a = Random(1, n, 1);
        var b = Random(2, n, 1);
        Coordinates(() => Functional.Add(a, b), [a, b]);
        Coordinates(() => Functional.Sub(a, b), [a, b]);
        Coordinates(() => Functional.Mul(a, b), [a, b]);
        Coordinates(() => Functional.Scale(a, -1.5f), [a]);
        var s = Random(3, n);
        var x = Random(4, n, 3);
        Coordinates(() => Functional.ScaleRows(x, s), [x, s]);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 5, 4)]
    [InlineData(7, 13, 5)]
    public void Matrix_products_have_correct_gradients(int m, int k, int n)
    {
        var a = Random(5, m, k);
        var b = Random(6, k, n);
        Coordinates(() => Functional.MatMul(a, b), [a, b]);
        var ab = Random(7, 2, m, k);
        var bb = Random(8, 2, k, n);
        Coordinates(() => Functional.MatMul(ab, bb), [ab, bb]);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(5, 7, 3)]
    [InlineData(4, 33, 9)]
    public void Linear_has_correct_gradients_with_and_without_bias(int rows, int inputs, int outputs)
    {
        var x = Random(9, rows, inputs);
        var w = Random(10, outputs, inputs);
        var b = Random(11, outputs);
        Coordinates(() => Functional.Linear(x, w, b), [x, w, b]);
        Coordinates(() => Functional.Linear(x, w, null), [x, w]);
        var x3 = Random(12, 2, rows, inputs);
        Coordinates(() => Functional.Linear(x3, w, b), [x3, w, b]);
    }

    [Theory]
    [InlineData(2, 3, 5, 6, 4, 3, 1, 1)]
    [InlineData(1, 2, 6, 4, 3, 2, 2, 0)]
    [InlineData(2, 1, 7, 5, 2, 3, 2, 1)]
    [InlineData(1, 4, 3, 3, 5, 1, 1, 0)]
    public void Conv2d_has_correct_gradients(int n, int c, int h, int w, int outChannels, int kernel, int stride, int padding)
    {
        var x = Random(13, n, c, h, w);
        var weight = Random(14, outChannels, c, kernel, kernel);
        var bias = Random(15, outChannels);
        Coordinates(() => Functional.Conv2d(x, weight, bias, stride, padding), [x, weight, bias]);
        Coordinates(() => Functional.Conv2d(x, weight, null, stride, padding), [x, weight]);
    }

    [Theory]
    [InlineData(2, 2, 4, 6, 2, 2)]
    [InlineData(1, 3, 7, 5, 3, 2)]
    [InlineData(1, 1, 5, 5, 2, 1)]
    public void Pooling_has_correct_gradients(int n, int c, int h, int w, int kernel, int stride)
    {
        var x = Lattice(16, n, c, h, w);
        Coordinates(() => Functional.MaxPool2d(x, kernel, stride), [x]);
        Coordinates(() => Functional.ReluMaxPool2d(x, kernel, stride), [x]);
        Coordinates(() => Functional.AvgPool2d(x, kernel, stride), [x]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(40)]
    public void Activations_have_correct_gradients(int n)
    {
        var x = Lattice(17, n);
        Coordinates(() => Functional.Relu(x), [x]);
        var s = Random(18, 3, n);
        Coordinates(() => Functional.Tanh(s), [s]);
        Coordinates(() => Functional.Sigmoid(s), [s]);
        Coordinates(() => Functional.Gelu(s), [s]);
        Coordinates(() => Functional.Gelu(s, tanhApproximation: true), [s]);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(2, 17)]
    public void Softmax_and_log_softmax_have_correct_gradients(int rows, int width)
    {
        var x = Random(19, rows, width);
        Coordinates(() => Functional.Softmax(x), [x]);
        Coordinates(() => Functional.LogSoftmax(x), [x]);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(3, 7)]
    [InlineData(2, 16)]
    public void Layer_norm_has_correct_gradients(int rows, int width)
    {
        var x = Random(20, rows, width);
        var gamma = Random(21, width);
        var beta = Random(22, width);
        Coordinates(() => Functional.LayerNorm(x, gamma, beta), [x, gamma, beta], absolute: 5e-3);
        Coordinates(() => Functional.LayerNorm(x, null, null), [x], absolute: 5e-3);
    }

    [Fact]
    public void Dropout_passes_gradient_through_the_kept_elements_only()
    {
        var x = Random(23, 4, 9);
        Coordinates(() => Functional.Dropout(x, 0.4f, new Random(5)), [x]);
        var y = Functional.Dropout(x, 0.4f, new Random(5));
        var zeros = y.ToArray().Count(v => v == 0f);
        Assert.InRange(zeros, 5, 26);
        Assert.Same(x, Functional.Dropout(x, 0.4f, new Random(5), training: false));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Shape_operations_have_correct_gradients(int dim)
    {
        var a = Random(24, 2, 3, 4);
        var b = Random(25, 2, 3, 4);
        Coordinates(() => Functional.Concat([a, b], dim), [a, b]);
        Coordinates(() => Functional.Mul(Functional.Split(a, dim == 2 ? [1, 3] : dim == 1 ? [2, 1] : [1, 1], dim)[1], Functional.Split(b, dim == 2 ? [1, 3] : dim == 1 ? [2, 1] : [1, 1], dim)[1]), [a, b]);
        Coordinates(() => Functional.Sum(a, dim), [a]);
        Coordinates(() => Functional.Mean(a, dim), [a]);
        Coordinates(() => Functional.Mul(Functional.Reshape(a, 4, -1), Functional.Flatten(Functional.Reshape(b, 4, 6))), [a, b]);
    }

    [Fact]
    public void Whole_tensor_reductions_have_correct_gradients()
    {
        var a = Random(26, 3, 5);
        Coordinates(() => Functional.Sum(a), [a]);
        Coordinates(() => Functional.Mean(a), [a]);
    }

    [Fact]
    public void Embedding_and_patchify_have_correct_gradients()
    {
        var table = Random(27, 5, 3);
        Coordinates(() => Functional.Embedding([4, 0, 4, 2], table), [table]);
        var images = Random(28, 2, 3, 4, 6);
        Coordinates(() => Functional.Patchify(images, 2), [images]);
    }

    [Theory]
    [InlineData(2, 3, 4, 6, 2, false)]
    [InlineData(1, 5, 5, 4, 1, true)]
    [InlineData(1, 1, 3, 3, 3, false)]
    public void Scaled_dot_product_attention_has_correct_gradients(int batch, int queries, int keys, int width, int heads, bool causal)
    {
        var q = Random(29, batch, queries, width);
        var k = Random(30, batch, keys, width);
        var v = Random(31, batch, keys, width);
        Coordinates(() => Functional.ScaledDotProductAttention(q, k, v, heads, causal), [q, k, v]);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(0.1f)]
    public void Cross_entropy_has_correct_gradients(float smoothing)
    {
        var logits = Random(32, 5, 7);
        Coordinates(() => Functional.CrossEntropy(logits, [0, 6, 3, 3, 1], smoothing), [logits]);
    }

    [Fact]
    public void Mean_squared_error_has_correct_gradients_for_both_arguments()
    {
        var p = Random(33, 3, 4);
        var t = Random(34, 3, 4);
        Coordinates(() => Functional.MseLoss(p, t), [p, t]);
    }
}
