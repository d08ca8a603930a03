using System.Text.Json.Serialization;

namespace Kindling.Data;

/// <summary>The saved form of a <see cref="LabelEncoder"/>.</summary>
/// <param name="Classes">Class labels in index order.</param>
/// <param name="NumericClasses">The labels as numbers, when they are numbers.</param>
public sealed record LabelEncoderState(string[] Classes, double[]? NumericClasses);

/// <summary>System.Text.Json source generation for the data layer's saved state: the CLI is
/// published with NativeAOT, where reflection-based serialization is not available.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, UseStringEnumConverter = true)]
[JsonSerializable(typeof(LabelEncoderState))]
[JsonSerializable(typeof(PreprocessorState))]
internal sealed partial class DataJsonContext : JsonSerializerContext;
