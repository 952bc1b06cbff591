using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace EdgeMoE.Host.Tests.Source;

/// <summary>The calls a compiled assembly's methods make, read from their IL (what the source guards check).</summary>
internal static class IlCalls
{
    /// <summary>The assemblies built from src, beside the test assembly.</summary>
    public static IReadOnlyList<string> SourceAssemblies { get; } =
        [.. new[] { "EdgeMoE.Models.dll", "EdgeMoE.Actors.dll", "EdgeMoE.Policies.dll", "EdgeMoE.Reports.dll", "edgemoe.dll" }
            .Select(a => Path.Combine(AppContext.BaseDirectory, a))];

    /// <summary>
    /// Every call, callvirt and newobj of a method of another assembly in <paramref name="assembly"/>: the calling
    /// "Type.Method", the callee's type and method names, and "Type.Method(parameter types)".
    /// </summary>
    public static List<(string Caller, string Type, string Method, string Call)> MemberCalls(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        var md = pe.GetMetadataReader();
        var names = new SignatureNames();
        var found = new List<(string, string, string, string)>();
        foreach (var type in md.TypeDefinitions)
        {
            foreach (var handle in md.GetTypeDefinition(type).GetMethods())
            {
                var method = md.GetMethodDefinition(handle);
                foreach (var token in CallTokens(pe, method))
                {
                    if (token.Kind != HandleKind.MemberReference)
                    {
                        continue;
                    }

                    var reference = md.GetMemberReference((MemberReferenceHandle)token);
                    if (reference.GetKind() != MemberReferenceKind.Method || reference.Parent.Kind != HandleKind.TypeReference)
                    {
                        continue;
                    }

                    var typeName = md.GetString(md.GetTypeReference((TypeReferenceHandle)reference.Parent).Name);
                    var methodName = md.GetString(reference.Name);
                    var call = $"{typeName}.{methodName}({string.Join(", ", reference.DecodeMethodSignature(names, null).ParameterTypes)})";
                    found.Add(($"{md.GetString(md.GetTypeDefinition(type).Name)}.{md.GetString(method.Name)}", typeName, methodName, call));
                }
            }
        }

        return found;
    }

    // The metadata tokens of a method's call, callvirt and newobj instructions.
    public static List<EntityHandle> CallTokens(PEReader pe, MethodDefinition method)
    {
        var tokens = new List<EntityHandle>();
        if (method.RelativeVirtualAddress == 0)
        {
            return tokens;
        }

        var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader();
        while (il.RemainingBytes > 0)
        {
            int code = il.ReadByte();
            if (code == 0xFE)
            {
                code = 0xFE00 | il.ReadByte();
            }

            if (code is 0x28 or 0x6F or 0x73)
            {
                tokens.Add(MetadataTokens.EntityHandle(il.ReadInt32()));
            }
            else
            {
                SkipOperand(ref il, code);
            }
        }

        return tokens;
    }

    // Operand sizes of ECMA-335 III's one- and two-byte opcodes.
    private static void SkipOperand(ref BlobReader il, int code)
    {
        var size = code switch
        {
            0x45 => 4 + (4 * il.ReadInt32()),
            0xFE09 or 0xFE0A or 0xFE0B or 0xFE0C or 0xFE0D or 0xFE0E => 2,
            0xFE12 or 0xFE19 => 1,
            0xFE06 or 0xFE07 or 0xFE15 or 0xFE16 or 0xFE1C or 0xFE1D => 4,
            0x0E or 0x0F or 0x10 or 0x11 or 0x12 or 0x13 or 0x1F or (>= 0x2B and <= 0x37) or 0xDE => 1,
            0x20 or 0x22 or 0x27 or 0x29 or (>= 0x38 and <= 0x44) or (>= 0x70 and <= 0x75) or 0x79 or (>= 0x7B and <= 0x81)
                or 0x8C or 0x8D or 0x8F or 0xA3 or 0xA4 or 0xA5 or 0xC2 or 0xC6 or 0xD0 or 0xDD => 4,
            0x21 or 0x23 => 8,
            _ => 0,
        };
        il.Offset += size - (code == 0x45 ? 4 : 0);
    }

    public sealed class SignatureNames : ISignatureTypeProvider<string, object?>
    {
        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[,]";
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => $"{genericType}<{string.Join(", ", typeArguments)}>";
        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;
        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetPinnedType(string elementType) => elementType;
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeDefinition(handle).Name);
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeReference(handle).Name);
        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) => "spec";
    }
}
