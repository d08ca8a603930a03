using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Kindling.Cli;

/// <summary>An "Examples:" section after each command's help, as git and docker print: the two or three command
/// lines a user most likely wants, copied from the README's walk-through.</summary>
static class HelpExamples
{
    static readonly Dictionary<string, string[]> ByCommand = new(StringComparer.Ordinal)
    {
        ["kindling"] =
        [
            "kindling train                                        # the seed's run on the embedded WineQT data",
            "kindling train --data sales.csv --target churned --drop id",
            "kindling predict --model runs/20250101-120000 --data new.csv > predictions.csv",
        ],
        ["train"] =
        [
            "kindling train                                        # the seed's run on the embedded WineQT data",
            "kindling train --data sales.csv --target churned --drop id --standardize --val-size 0.1 --early-stopping 10",
            "zcat logs.csv.gz | kindling train --data - --target label --categorical city --max-categories 50",
        ],
        ["evaluate"] =
        [
            "kindling evaluate --model runs/20250101-120000 --data holdout.csv",
            "kindling evaluate --model run --data holdout.csv.gz --json --output metrics.json",
        ],
        ["predict"] =
        [
            "kindling predict --model runs/20250101-120000 --data new.csv --id-column id > predictions.csv",
            "cat new.csv | kindling predict --model run --data - --proba --output predictions.csv",
        ],
        ["export"] =
        [
            "kindling export --model runs/20250101-120000 --onnx model.onnx",
        ],
        ["inspect"] =
        [
            "kindling inspect sales.csv",
            "kindling inspect runs/20250101-120000",
            "gunzip -c sales.csv.gz | kindling inspect -",
        ],
        ["clean"] =
        [
            "kindling clean --dry-run                              # list killed runs' staging folders",
            "kindling clean runs/",
        ],
        ["report"] =
        [
            "kindling report runs/20250101-120000                  # rewrite that run's report.html",
            "kindling report runs/a runs/b --output compare.html",
        ],
    };

    /// <summary>Makes <paramref name="help"/> print the examples of the command asked about after the usual text.</summary>
    public static void Attach(HelpOption help)
    {
        if (help.Action is HelpAction inner) help.Action = new WithExamples(inner);
    }

    sealed class WithExamples(HelpAction inner) : SynchronousCommandLineAction
    {
        // As HelpAction: `kindling predict --help` shows help, not "--model is required".
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            int code = inner.Invoke(parseResult);
            if (ByCommand.TryGetValue(parseResult.CommandResult.Command.Name, out var lines))
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var line in lines) output.WriteLine($"  {line}");
                output.WriteLine();
            }
            return code;
        }
    }
}
