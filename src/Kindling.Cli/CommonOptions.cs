using System.CommandLine;

namespace Kindling.Cli;

/// <summary>Options several commands share.</summary>
static class CommonOptions
{
    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Show the full exception and stack trace when something fails.",
        Recursive = true,
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print exactly one JSON object on stdout and nothing else.",
    };

    public static Option<string> Model() => new("--model")
    {
        Description = "A run folder written by 'kindling train' (holds model.json and model.safetensors).",
        Required = true,
    };

    public static Option<string> Data(bool required) => new("--data")
    {
        Description = "A CSV file, or 'wineqt' for the embedded dataset.",
        Required = required,
    };

    public static Option<bool> NoHeader() => new("--no-header")
    {
        Description = "The file has no header row: columns are named c0, c1, ...",
    };
}
