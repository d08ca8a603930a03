// https://github.com/onnx/onnx/blob/main/docs/IR.md — a graph is inputs, initializers (constant
// tensors), nodes in topological order and outputs; every value name is defined exactly once.
using System.Runtime.InteropServices;
using System.Text;

namespace Kindling.Cli.Onnx;

/// <summary>
/// Builds an ONNX graph in topological order. Each Add* call checks that the names it uses are
/// already defined and that the names it defines are new, so a finished graph is well formed.
/// </summary>
internal sealed class OnnxGraph(string name)
{
    /// <summary>A dims entry meaning "any size": written as the symbolic dimension <see cref="BatchDimName"/>.</summary>
    public const long DynamicDim = -1;

    public const string BatchDimName = "N";

    sealed record ValueInfo(string Name, OnnxDataType Type, long[] Dims);

    sealed record Initializer(string Name, OnnxDataType Type, long[] Dims, byte[]? Raw, string[]? Strings);

    sealed record Node(string OpType, string Domain, string[] Inputs, string[] Outputs, OnnxAttribute[] Attributes);

    readonly List<ValueInfo> inputs = [], outputs = [];
    readonly List<Initializer> initializers = [];
    readonly List<Node> nodes = [];
    readonly HashSet<string> defined = new(StringComparer.Ordinal);
    readonly SortedDictionary<string, int> opsets = new(StringComparer.Ordinal) { [""] = OnnxModelWriter.OpsetVersion };

    public string Name { get; } = name;

    /// <summary>The operator sets the graph imports (domain → version); the default domain "" is always there.</summary>
    public IReadOnlyDictionary<string, int> Opsets => opsets;

    public string AddInput(string name, OnnxDataType type, params long[] dims)
    {
        Define(name);
        inputs.Add(new ValueInfo(name, type, dims));
        return name;
    }

    public string AddInitializer(string name, float[] values, params long[] dims) =>
        AddRaw(name, OnnxDataType.Float, MemoryMarshal.AsBytes(values.AsSpan()), values.Length, dims);

    public string AddInitializer(string name, long[] values, params long[] dims) =>
        AddRaw(name, OnnxDataType.Int64, MemoryMarshal.AsBytes(values.AsSpan()), values.Length, dims);

    public string AddInitializer(string name, string[] values, params long[] dims)
    {
        CheckCount(name, values.Length, dims);
        Define(name);
        initializers.Add(new Initializer(name, OnnxDataType.String, dims, null, (string[])values.Clone()));
        return name;
    }

    /// <summary>Adds a node with one output and returns the output's name.</summary>
    public string AddNode(string opType, string[] nodeInputs, string output, params OnnxAttribute[] attributes) =>
        AddNode(opType, "", nodeInputs, output, attributes);

    /// <summary>Adds a node of an operator in <paramref name="domain"/> (imported with <see cref="UseOpset"/>).</summary>
    public string AddNode(string opType, string domain, string[] nodeInputs, string output, params OnnxAttribute[] attributes)
    {
        if (!opsets.ContainsKey(domain))
            throw new InvalidOperationException($"Node {opType} uses domain '{domain}', which the graph does not import.");
        foreach (string input in nodeInputs)
            if (input.Length > 0 && !defined.Contains(input))   // "" marks an omitted optional input
                throw new InvalidOperationException($"Node {opType} reads '{input}', which is not defined yet.");
        Define(output);
        nodes.Add(new Node(opType, domain, (string[])nodeInputs.Clone(), [output], attributes));
        return output;
    }

    public void AddOutput(string name, OnnxDataType type, params long[] dims)
    {
        if (!defined.Contains(name))
            throw new InvalidOperationException($"Graph output '{name}' is not defined.");
        outputs.Add(new ValueInfo(name, type, dims));
    }

    public void UseOpset(string domain, int version) => opsets[domain] = version;

    /// <summary>GraphProto: node = 1, name = 2, initializer = 5, input = 11, output = 12.</summary>
    public void WriteTo(ProtoWriter w)
    {
        if (outputs.Count == 0) throw new InvalidOperationException($"Graph '{Name}' has no output.");
        for (int i = 0; i < nodes.Count; i++)
        {
            var (node, index) = (nodes[i], i);
            w.Message(1, m => WriteNode(m, node, index));
        }
        w.String(2, Name);
        foreach (var t in initializers) w.Message(5, m => WriteTensor(m, t));
        foreach (var v in inputs) w.Message(11, m => WriteValueInfo(m, v));
        foreach (var v in outputs) w.Message(12, m => WriteValueInfo(m, v));
    }

    string AddRaw(string name, OnnxDataType type, ReadOnlySpan<byte> bytes, int count, long[] dims)
    {
        CheckCount(name, count, dims);
        Define(name);
        byte[] raw = bytes.ToArray();
        // raw_data is little-endian by the spec: reverse each element on a big-endian machine.
        if (!BitConverter.IsLittleEndian && count > 0)
        {
            int size = raw.Length / count;
            for (int i = 0; i < raw.Length; i += size) raw.AsSpan(i, size).Reverse();
        }
        initializers.Add(new Initializer(name, type, dims, raw, null));
        return name;
    }

    static void CheckCount(string name, int count, long[] dims)
    {
        long expected = 1;
        foreach (long d in dims) expected *= d;
        if (expected != count)
            throw new ArgumentException($"Initializer '{name}' has {count} values but dims [{string.Join(", ", dims)}] need {expected}.");
    }

    void Define(string name)
    {
        if (string.IsNullOrEmpty(name)) throw new ArgumentException("An ONNX value needs a non-empty name.");
        if (!defined.Add(name)) throw new InvalidOperationException($"The value name '{name}' is defined twice.");
    }

    /// <summary>NodeProto: input = 1, output = 2, name = 3, op_type = 4, attribute = 5, domain = 7.</summary>
    static void WriteNode(ProtoWriter w, Node n, int index)
    {
        foreach (string i in n.Inputs) w.String(1, i);
        foreach (string o in n.Outputs) w.String(2, o);
        w.String(3, $"{n.OpType}_{index}");
        w.String(4, n.OpType);
        foreach (var a in n.Attributes) w.Message(5, a.WriteTo);
        if (n.Domain.Length > 0) w.String(7, n.Domain);
    }

    /// <summary>TensorProto: dims = 1, data_type = 2, string_data = 6, name = 8, raw_data = 9.</summary>
    static void WriteTensor(ProtoWriter w, Initializer t)
    {
        foreach (long d in t.Dims) w.Int64(1, d);
        w.Int32(2, (int)t.Type);
        if (t.Strings is not null)
            foreach (string s in t.Strings) w.Bytes(6, Encoding.UTF8.GetBytes(s));
        w.String(8, t.Name);
        if (t.Raw is not null) w.Bytes(9, t.Raw);
    }

    /// <summary>ValueInfoProto{name = 1, type = 2} → TypeProto{tensor_type = 1} → Tensor{elem_type = 1, shape = 2}
    /// → TensorShapeProto{dim = 1} → Dimension{dim_value = 1 | dim_param = 2}.</summary>
    static void WriteValueInfo(ProtoWriter w, ValueInfo v)
    {
        w.String(1, v.Name);
        w.Message(2, type => type.Message(1, tensor =>
        {
            tensor.Int32(1, (int)v.Type);
            tensor.Message(2, shape =>
            {
                foreach (long d in v.Dims)
                    shape.Message(1, dim =>
                    {
                        if (d == DynamicDim) dim.String(2, BatchDimName);
                        else dim.Int64(1, d);
                    });
            });
        }));
    }
}
