using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace EdgeMoE.Host.Tests.Source;

/// <summary>
/// Finds, in compiled IL, the calls that make TorchSharp hand libtorch a <c>Scalar</c> nothing keeps alive: the implicit
/// conversions to <c>TorchSharp.Scalar</c>, and calls of TorchSharp methods that convert (or call one that converts) a
/// number to a Scalar themselves (<c>a + b</c>'s alpha, <c>0.5 * t</c>, <c>t / n</c>). A virtual call names the method
/// it overrides, so <c>optimizer.step()</c> on a <c>torch.optim.Adam</c> is not seen: our optimisers are the PinnedScalar ones.
/// </summary>
internal sealed class TemporaryScalarCalls
{
    private readonly HashSet<string> _converting;

    /// <summary>Reads TorchSharp's assembly and collects its converting methods, transitively.</summary>
    public TemporaryScalarCalls(string torchSharpAssembly)
    {
        using var pe = new PEReader(File.OpenRead(torchSharpAssembly));
        var md = pe.GetMetadataReader();
        var callees = new Dictionary<MethodDefinitionHandle, List<MethodDefinitionHandle>>();
        var converting = new HashSet<MethodDefinitionHandle>();
        foreach (var type in md.TypeDefinitions)
        {
            foreach (var method in md.GetTypeDefinition(type).GetMethods())
            {
                var calls = callees[method] = [];
                foreach (var token in IlCalls.CallTokens(pe, md.GetMethodDefinition(method)))
                {
                    if (token.Kind != HandleKind.MethodDefinition)
                    {
                        continue;
                    }

                    var callee = (MethodDefinitionHandle)token;
                    var definition = md.GetMethodDefinition(callee);
                    var name = md.GetString(definition.Name);
                    if (name == "ToScalar" || (name == "op_Implicit" && md.GetString(md.GetTypeDefinition(definition.GetDeclaringType()).Name) == "Scalar"))
                    {
                        converting.Add(method);
                    }
                    else
                    {
                        calls.Add(callee);
                    }
                }
            }
        }

        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (caller, calls) in callees)
            {
                if (!converting.Contains(caller) && calls.Exists(converting.Contains))
                {
                    grew = converting.Add(caller);
                }
            }
        }

        var names = new IlCalls.SignatureNames();
        _converting = [.. converting.Select(h => Describe(md, md.GetMethodDefinition(h).GetDeclaringType(), md.GetMethodDefinition(h).Name, md.GetMethodDefinition(h).DecodeSignature(names, null)))];
    }

    /// <summary>How many TorchSharp methods convert numbers to Scalars themselves, directly or through others.</summary>
    public int ConvertingMethods => _converting.Count;

    /// <summary>"Type.Method: call" for every such call in <paramref name="assembly"/>'s methods.</summary>
    public IEnumerable<string> In(string assembly) =>
        IlCalls.MemberCalls(assembly)
            .Where(c => (c.Type == "Scalar" && c.Method == "op_Implicit") || _converting.Contains(c.Call))
            .Select(c => $"{c.Caller}: {c.Call}")
            .ToList();

    private static string Describe(MetadataReader md, TypeDefinitionHandle type, StringHandle name, MethodSignature<string> signature) =>
        $"{md.GetString(md.GetTypeDefinition(type).Name)}.{md.GetString(name)}({string.Join(", ", signature.ParameterTypes)})";
}
