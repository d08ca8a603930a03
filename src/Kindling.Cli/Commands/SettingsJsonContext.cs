using System.Text.Json.Serialization;

namespace Kindling.Cli.Commands;

/// <summary>Source-generated JSON for <see cref="TrainSettings"/> in resume.json (NativeAOT: no reflection). Keys are
/// the options' own names (<c>batch-size</c> for <c>--batch-size</c>), so a setting added to TrainSettings under its
/// option's name is saved and checked on --resume with no further code.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(TrainSettings))]
sealed partial class SettingsJsonContext : JsonSerializerContext;
