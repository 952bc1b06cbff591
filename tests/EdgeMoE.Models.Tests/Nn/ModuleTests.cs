using EdgeMoE.Models.Autograd;
using EdgeMoE.Models.Moe;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Tensors;
using static EdgeMoE.Models.Tests.Autograd.GradientCheck;

namespace EdgeMoE.Models.Tests.Nn;

public sealed class ModuleTests
{
    [Fact]
    public void Linear_and_conv2d_modules_have_correct_gradients_for_inputs_and_parameters()
    {
        var linear = new Linear(5, 3, new Random(1));
        var x = Random(2, 4, 5);
        Coordinates(() => linear.Forward(x), [x, .. linear.Parameters()]);
        var conv = new Conv2d(2, 3, 3, new Random(3), stride: 2, padding: 1);
        var images = Random(4, 2, 2, 5, 5);
        Coordinates(() => conv.Forward(images), [images, .. conv.Parameters()]);
    }

    [Fact]
    public void Layer_norm_attention_and_mlp_modules_have_correct_gradients()
    {
        var norm = new LayerNorm(6);
        Random(5, 6).Span.CopyTo(norm.Weight.Span);
        var x = Random(6, 2, 3, 6);
        Coordinates(() => norm.Forward(x), [x, .. norm.Parameters()], absolute: 5e-3);
        var attention = new MultiHeadAttention(4, 2, new Random(7));
        var tokens = Random(8, 2, 3, 4);
        Coordinates(() => attention.Forward(tokens), [tokens, .. attention.Parameters()]);
        var mlp = new Mlp([3, 5, 2], new Random(9), Activation.Tanh);
        var rows = Random(10, 4, 3);
        Coordinates(() => mlp.Forward(rows), [rows, .. mlp.Parameters()]);
        var sequential = new Sequential(new Linear(3, 4, new Random(11)), ActivationLayer.Create(Activation.Gelu), new Linear(4, 2, new Random(12)));
        Coordinates(() => sequential.Forward(rows), [rows, .. sequential.Parameters()]);
    }

    [Fact]
    public void Parameter_free_layers_compose_with_correct_gradients_in_a_sequential()
    {
        var random = new Random(20);
        var net = new Sequential(
            new Conv2d(2, 3, 3, random, padding: 1),
            ActivationLayer.Create(Activation.Tanh),
            new MaxPool2d(2),
            new AvgPool2d(1),
            ActivationLayer.Create(Activation.Sigmoid),
            new Flatten(),
            new Dropout(0.25f, seed: 3).Eval(),
            new Linear(3 * 3 * 2, 4, random),
            ActivationLayer.Create(Activation.Relu));
        var images = Random(21, 2, 2, 6, 5);
        Directions(() => net.Forward(images), [images, .. net.Parameters()]);
        Assert.Equal([2, 4], net.Forward(images).Shape.ToArray());
    }

    [Fact]
    public void Small_cnn_has_correct_directional_derivatives()
    {
        var model = new SmallCnn(new Random(13));
        var images = Random(14, 2, 1, 28, 28);
        Directions(() => Functional.CrossEntropy(model.Forward(images), [3, 8]), [images, .. model.Parameters()]);
    }

    [Fact]
    public void Experts_and_gate_have_correct_directional_derivatives()
    {
        var cnn = new CnnExpert(new CnnOptions(1, 8, 8, [4, 6], FeatureSize: 10), outputs: 5, new Random(15));
        var images = Random(16, 3, 1, 8, 8);
        Directions(() => cnn.Forward(images), [images, .. cnn.Parameters()]);
        var mlp = new MlpExpert(12, [7, 5], 3, new Random(17));
        var rows = Random(18, 4, 12);
        Coordinates(() => mlp.Forward(rows), [rows, .. mlp.Parameters()]);
        var gate = new GatingNetwork(12, 4, new Random(19), hiddenSize: 6);
        Coordinates(() => gate.Probabilities(rows), [rows, .. gate.Parameters()]);
    }

    [Fact]
    public void Parameter_names_follow_pytorch_state_dict_conventions()
    {
        var model = new SmallCnn(new Random(1));
        Assert.Equal(
            ["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"],
            model.NamedParameters().Select(p => p.Key));
        Assert.Equal((32 * 9) + 32 + (64 * 32 * 9) + 64 + (3136 * 128) + 128 + (128 * 10) + 10, model.ParameterCount);
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias"], new Sequential(new Linear(2, 2, new Random(1)), ActivationLayer.Create(Activation.Relu), new Linear(2, 1, new Random(1))).NamedParameters().Select(p => p.Key));
    }

    [Fact]
    public void Initialisation_follows_pytorch_bounds_of_one_over_root_fan_in()
    {
        var linear = new Linear(400, 300, new Random(3));
        var bound = 1 / Math.Sqrt(400);
        Assert.All(linear.Weight.ToArray(), v => Assert.InRange(v, -bound, bound));
        Assert.All(linear.Bias!.ToArray(), v => Assert.InRange(v, -bound, bound));
        var variance = linear.Weight.ToArray().Select(v => (double)v * v).Average();
        Assert.Equal(bound * bound / 3, variance, 4);
    }

    [Fact]
    public void Flat_parameter_vectors_round_trip_and_axpy_averages_models()
    {
        var a = new MlpExpert(4, [3], 2, new Random(1));
        var b = new MlpExpert(4, [3], 2, new Random(2));
        var flatA = a.GetFlatParameters();
        var flatB = b.GetFlatParameters();
        Assert.Equal(a.ParameterCount, flatA.Length);
        a.AxpyFlatParameters(1f, flatB);
        a.AxpyFlatParameters(-0.5f, a.GetFlatParameters());
        var averaged = a.GetFlatParameters();
        for (var i = 0; i < averaged.Length; i++)
        {
            Assert.Equal((flatA[i] + flatB[i]) / 2, averaged[i], 6);
        }

        a.SetFlatParameters(flatB);
        Assert.Equal(flatB, a.GetFlatParameters());
        Assert.Throws<ArgumentException>(() => a.SetFlatParameters(new float[3]));
    }

    [Fact]
    public void Injected_output_gradient_drives_the_expert_update_like_a_local_loss()
    {
        var expert = new MlpExpert(6, [5], 3, new Random(4));
        var x = Random(5, 2, 6).Detach();
        var y = expert.Forward(x);
        var target = Random(6, 2, 3).Detach();
        var remote = new float[6];
        for (var i = 0; i < 6; i++)
        {
            remote[i] = 2f * (y.Span[i] - target.Span[i]) / 6f;
        }

        y.Backward(remote);
        var injected = expert.GetFlatGradients();
        expert.ZeroGrad();
        Functional.MseLoss(expert.Forward(x), target).Backward();
        var local = expert.GetFlatGradients();
        for (var i = 0; i < local.Length; i++)
        {
            Assert.Equal(local[i], injected[i], 6);
        }
    }

    [Fact]
    public void No_grad_scope_records_nothing()
    {
        var linear = new Linear(3, 2, new Random(1));
        using (NoGrad.Enter())
        {
            var y = linear.Forward(Tensor.Zeros(1, 3));
            Assert.False(y.RequiresGrad);
            Assert.Throws<InvalidOperationException>(() => y.Backward(new float[2]));
        }

        Assert.True(linear.Forward(Tensor.Zeros(1, 3)).RequiresGrad);
    }

    [Fact]
    public void Gate_top_k_breaks_ties_towards_the_lower_expert()
    {
        var scores = Tensor.FromValues([0.1f, 0.4f, 0.4f, 0.1f, 0.9f, 0.05f, 0.03f, 0.02f], 2, 4);
        var picks = GatingNetwork.TopK(scores, 2);
        Assert.Equal([1, 2], picks[0]);
        Assert.Equal([0, 1], picks[1]);
    }

    [Fact]
    public void Backward_after_an_optimizer_step_on_the_same_graph_is_refused()
    {
        var expert = new MlpExpert(3, [4], 2, new Random(8));
        var optimizer = new EdgeMoE.Models.Optim.Sgd(expert.Parameters(), new EdgeMoE.Models.Optim.Sgd.Options(0.1f));
        var x = Tensor.Full(0.5f, 2, 3);
        var first = expert.Forward(x);
        var second = expert.Forward(x);
        first.Backward(new float[4] { 1, 0, 0, 1 });
        optimizer.Step();
        var error = Assert.Throws<InvalidOperationException>(() => second.Backward(new float[4] { 1, 0, 0, 1 }));
        Assert.Contains("modified in place", error.Message, StringComparison.Ordinal);
    }
}
