// https://github.com/onnx/onnx/blob/main/onnx/onnx.proto — ModelProto; IR version 8 goes with opset 17
// (https://onnxruntime.ai/docs/reference/compatibility.html).
namespace Kindling.Cli.Onnx;

/// <summary>Serialises an <see cref="OnnxGraph"/> as an ONNX ModelProto file.</summary>
internal static class OnnxModelWriter
{
    public const long IrVersion = 8;
    public const int OpsetVersion = 17;
    public const string ProducerName = "kindling";

    /// <summary>
    /// ModelProto: ir_version = 1, producer_name = 2, producer_version = 3, doc_string = 6, graph = 7,
    /// opset_import = 8 (OperatorSetIdProto{domain = 1, version = 2}), metadata_props = 14
    /// (StringStringEntryProto{key = 1, value = 2}).
    /// </summary>
    public static byte[] Serialize(OnnxGraph graph, IReadOnlyDictionary<string, string>? metadata = null, string? docString = null)
    {
        var w = new ProtoWriter();
        w.Int64(1, IrVersion);
        w.String(2, ProducerName);
        w.String(3, typeof(OnnxModelWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        if (docString is not null) w.String(6, docString);
        w.Message(7, graph.WriteTo);
        foreach (var (domain, version) in graph.Opsets)
            w.Message(8, op =>
            {
                if (domain.Length > 0) op.String(1, domain);
                op.Int64(2, version);
            });
        if (metadata is not null)
            foreach (var key in metadata.Keys.Order(StringComparer.Ordinal))
                w.Message(14, entry =>
                {
                    entry.String(1, key);
                    entry.String(2, metadata[key]);
                });
        return w.ToArray();
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> through a temporary file in the same
    /// directory, so a failed export never leaves a partial or clobbered model.</summary>
    public static void Save(string path, byte[] bytes)
    {
        Training.Plots.AtomicFile.WriteAllBytes(path, bytes);
    }
}
