using System.Text.Json.Serialization;
using Kindling.Training.Metrics;

namespace Kindling.Cli;

/// <summary>Source-generated JSON for what the CLI writes (NativeAOT: no reflection).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(ClassificationReport))]
sealed partial class CliJsonContext : JsonSerializerContext;
