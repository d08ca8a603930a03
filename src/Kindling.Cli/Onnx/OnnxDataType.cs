// https://github.com/onnx/onnx/blob/main/onnx/onnx.proto — TensorProto.DataType values.
namespace Kindling.Cli.Onnx;

/// <summary>The ONNX element types the exporter uses (values are onnx.proto's TensorProto.DataType).</summary>
internal enum OnnxDataType
{
    Float = 1,
    Int64 = 7,
    String = 8,
    Bool = 9,
}
