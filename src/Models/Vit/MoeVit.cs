using EdgeMoE.Models.Nn;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Vit;

/// <summary>
/// A small Mixture-of-Experts vision transformer: images [B, 1, S, S] (pixels in [0, 1]) cut into (S/p)² patches,
/// each embedded to d with a learned position; L layers of attention and gated FFN experts (<see cref="MoeVitLayer"/>);
/// a final norm, mean pooling over tokens and a linear head to class logits [B, classes]. The stage methods
/// (<see cref="Embed"/>, <see cref="Layer"/>, <see cref="Classify"/>) let an edge node run its share (eq. 6).
/// </summary>
public sealed class MoeVit : nn.Module<Tensor, Tensor>
{
    private readonly Linear embed;
    private readonly Parameter position;
    private readonly ModuleList<MoeVitLayer> layers;
    private readonly LayerNorm norm;
    private readonly Linear head;

    /// <summary>A network of <paramref name="options"/>' shape, every parameter drawn from <paramref name="generator"/>.</summary>
    public MoeVit(MoeVitOptions options, Generator generator)
        : base(nameof(MoeVit))
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(generator);
        options.Validate();
        Options = options;
        embed = nn.Linear(options.PatchPixels, options.Dim);
        position = new Parameter(torch.empty(options.Tokens, options.Dim).normal_(0, 0.02, generator));
        layers = new ModuleList<MoeVitLayer>(Enumerable.Range(0, options.Layers).Select(_ => new MoeVitLayer(options, generator)).ToArray());
        norm = nn.LayerNorm([options.Dim]);
        head = nn.Linear(options.Dim, options.Classes);
        RegisterComponents();
        SeededInitialisation.Apply(embed, generator);
        foreach (var layer in layers)
        {
            foreach (var (_, child) in layer.named_children())
            {
                if (child is not ExpertBank)
                {
                    SeededInitialisation.Apply(child, generator);
                }
            }
        }

        SeededInitialisation.Apply(norm, generator);
        SeededInitialisation.Apply(head, generator);
    }

    /// <summary>The network's shape.</summary>
    public MoeVitOptions Options { get; }

    /// <summary>Layer <paramref name="index"/> (0-based).</summary>
    public MoeVitLayer Layer(int index) => layers[index];

    /// <summary>Patch tokens with positions, [B, T, d], from images [B, 1, S, S] or [B, S·S].</summary>
    public Tensor Embed(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        using var one = 1.0f.ToScalar();
        using var scope = torch.NewDisposeScope();
        var (side, patch) = (Options.ImageSide, Options.PatchSide);
        var grid = side / patch;
        var b = images.shape[0];
        var patches = images.reshape(b, grid, patch, grid, patch).permute(0, 1, 3, 2, 4).reshape(b, grid * grid, patch * patch);
        return embed.forward(patches).add(position, one).MoveToOuterDisposeScope();
    }

    /// <summary>Class logits [B, classes] from the last residual stream [B, T, d].</summary>
    public Tensor Classify(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        using var scope = torch.NewDisposeScope();
        return head.forward(norm.forward(x).mean([1])).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var x = Embed(input);
        foreach (var layer in layers)
        {
            x = layer.forward(x);
        }

        return Classify(x).MoveToOuterDisposeScope();
    }
}
