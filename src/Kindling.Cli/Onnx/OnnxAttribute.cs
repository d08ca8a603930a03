// https://github.com/onnx/onnx/blob/main/onnx/onnx.proto — AttributeProto.
namespace Kindling.Cli.Onnx;

/// <summary>A node attribute: one int, float or list of strings/ints (the kinds the exporter needs).</summary>
internal sealed class OnnxAttribute
{
    // AttributeProto.AttributeType values.
    const int FloatType = 1, IntType = 2, IntsType = 7, StringsType = 8;

    public string Name { get; }
    readonly int type;
    readonly float f;
    readonly long i;
    readonly long[]? ints;
    readonly string[]? strings;

    OnnxAttribute(string name, int type, float f = 0, long i = 0, long[]? ints = null, string[]? strings = null)
    {
        Name = name;
        this.type = type;
        this.f = f;
        this.i = i;
        this.ints = ints;
        this.strings = strings;
    }

    public static OnnxAttribute Int(string name, long value) => new(name, IntType, i: value);

    public static OnnxAttribute Float(string name, float value) => new(name, FloatType, f: value);

    public static OnnxAttribute Ints(string name, long[] values) => new(name, IntsType, ints: values);

    public static OnnxAttribute Strings(string name, string[] values) => new(name, StringsType, strings: values);

    /// <summary>Writes the AttributeProto fields: name = 1, f = 2, i = 3, ints = 8, strings = 9, type = 20.</summary>
    public void WriteTo(ProtoWriter w)
    {
        w.String(1, Name);
        switch (type)
        {
            case FloatType: w.Float(2, f); break;
            case IntType: w.Int64(3, i); break;
            case IntsType: foreach (long v in ints!) w.Int64(8, v); break;
            default: foreach (string s in strings!) w.Bytes(9, System.Text.Encoding.UTF8.GetBytes(s)); break;
        }
        w.Int32(20, type);
    }
}
