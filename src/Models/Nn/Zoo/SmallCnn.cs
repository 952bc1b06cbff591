using EdgeMoE.Models.Autograd;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Nn;

/// <summary>
/// The reference image classifier for 1×28×28 inputs (Fashion-MNIST): conv3×3 1→32 pad 1, ReLU,
/// max-pool 2, conv3×3 32→64 pad 1, ReLU, max-pool 2, linear 3136→128, ReLU, linear 128→classes.
/// Parameter names match the equivalent PyTorch module (conv1, conv2, fc1, fc2).
/// </summary>
public sealed class SmallCnn : Module
{
    /// <summary>Creates the network with PyTorch's default initialisation from <paramref name="random"/>.</summary>
    public SmallCnn(Random random, int inChannels = 1, int classes = 10)
    {
        Conv1 = RegisterModule("conv1", new Conv2d(inChannels, 32, 3, random, padding: 1));
        Conv2 = RegisterModule("conv2", new Conv2d(32, 64, 3, random, padding: 1));
        Fc1 = RegisterModule("fc1", new Linear(64 * 7 * 7, 128, random));
        Fc2 = RegisterModule("fc2", new Linear(128, classes, random));
    }

    /// <summary>First convolution.</summary>
    public Conv2d Conv1 { get; }

    /// <summary>Second convolution.</summary>
    public Conv2d Conv2 { get; }

    /// <summary>Hidden fully connected layer.</summary>
    public Linear Fc1 { get; }

    /// <summary>Output layer (logits).</summary>
    public Linear Fc2 { get; }

    /// <summary>Logits [N, classes] for images [N, C, 28, 28].</summary>
    public override Tensor Forward(Tensor input)
    {
        var x = Functional.ReluMaxPool2d(Conv1.Forward(input), 2);
        x = Functional.ReluMaxPool2d(Conv2.Forward(x), 2);
        x = Functional.Relu(Fc1.Forward(Functional.Flatten(x)));
        return Fc2.Forward(x);
    }
}
