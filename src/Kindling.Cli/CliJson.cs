using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Kindling.Training.Metrics;

namespace Kindling.Cli;

/// <summary>The CLI's JSON as people read it: an apostrophe, an accent or an arrow is written as itself, not as
/// <c>\u0027</c>. System.Text.Json's default encoder escapes them for HTML pages; these files are never embedded
/// in one, and quotes, backslashes and control characters are still escaped.</summary>
static class CliJson
{
    public static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    static readonly JsonSerializerOptions Options = new(CliJsonContext.Default.Options) { Encoder = Encoder };

    /// <summary>metrics.json's shape, written with <see cref="Encoder"/>.</summary>
    public static JsonTypeInfo<ClassificationReport> Report { get; } =
        (JsonTypeInfo<ClassificationReport>)Options.GetTypeInfo(typeof(ClassificationReport));
}
