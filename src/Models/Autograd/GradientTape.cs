using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Autograd;

/// <summary>
/// Reverse-mode differentiation over the recorded graph. The tape is the set of nodes reachable from
/// the root, replayed in decreasing creation order (a valid reverse topological order because a node
/// is always created after its inputs' nodes). Each node receives its output's accumulated gradient.
/// </summary>
internal static class GradientTape
{
    public static void Run(Tensor root, Tensor seed, bool retainGraph)
    {
        if (!root.RequiresGrad)
        {
            throw new InvalidOperationException("Backward on a tensor that does not require grad (no parameter or input with RequiresGrad took part, or it was computed under NoGrad)");
        }

        Gradients.Accumulate(root, seed.Span);
        if (root.Node is null)
        {
            return;
        }

        var tape = Collect(root);
        foreach (var tensor in tape)
        {
            var node = tensor.Node!;
            var grad = tensor.Grad;
            if (grad is not null)
            {
                node.EnsureInputsUnchanged();
                node.Backward(tensor, grad);
            }

            if (!retainGraph)
            {
                tensor.Node = null;
                tensor.RequiresGrad = false;
            }

            if (!tensor.RetainsGrad && !ReferenceEquals(tensor, root))
            {
                tensor.Grad = null;
            }
        }
    }

    private static List<Tensor> Collect(Tensor root)
    {
        var visited = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        var tape = new List<Tensor>();
        var stack = new Stack<Tensor>();
        stack.Push(root);
        visited.Add(root);
        while (stack.Count > 0)
        {
            var tensor = stack.Pop();
            tape.Add(tensor);
            foreach (var input in tensor.Node!.Inputs)
            {
                if (input.Node is not null && input.RequiresGrad && visited.Add(input))
                {
                    stack.Push(input);
                }
            }
        }

        tape.Sort((x, y) => y.Node!.Sequence.CompareTo(x.Node!.Sequence));
        return tape;
    }
}
