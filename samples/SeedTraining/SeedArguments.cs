using System.Globalization;

namespace SeedTraining;

/// <summary>The sample's command line: seed_program.py's options that this sample supports.</summary>
internal static class SeedArguments
{
    public const string Usage = """
        usage: dotnet run --project samples/SeedTraining -- [options]
          --epochs E        training epochs (default 100)
          --batch-size N    mini-batches of N from torch.randperm(n) each epoch (default 0: full batch, as the seed)
          --data-loader     take the batches from DataLoader(TensorDataset, N, shuffle: true) instead (needs --batch-size)
          --data PATH       CSV to read (default: data/WineQT.csv in the repository, else the embedded copy)
          --plot PATH       where to save the loss curve (.png or .svg; default loss.png beside the sample)
          --no-plot         save no loss curve
          --json            print seed_program.py's JSON fields instead of the text report
        """;

    /// <summary>The options and whether to print JSON; null options when help was asked for.</summary>
    /// <exception cref="ArgumentException">An unknown option or a bad value; the message names it.</exception>
    public static (SeedOptions? Options, bool Json) Parse(string[] args)
    {
        var options = new SeedOptions { PlotPath = SeedPaths.DefaultPlot };
        bool json = false;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "-h" or "--help": return (null, json);
                case "--json": json = true; break;
                case "--data-loader": options = options with { UseDataLoader = true }; break;
                case "--no-plot": options = options with { PlotPath = null }; break;
                case "--epochs": options = options with { Epochs = Count(arg, Value(args, ref i), minimum: 1) }; break;
                case "--batch-size": options = options with { BatchSize = Count(arg, Value(args, ref i), minimum: 0) }; break;
                case "--data": options = options with { DataPath = Value(args, ref i) }; break;
                case "--plot": options = options with { PlotPath = Value(args, ref i) }; break;
                default: throw new ArgumentException($"unknown option '{arg}'.", nameof(args));
            }
        }
        if (options.UseDataLoader && options.BatchSize <= 0)
            throw new ArgumentException("--data-loader needs --batch-size N with N > 0.", nameof(args));
        return (options, json);
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"option '{args[i - 1]}' needs a value.", nameof(args));

    private static int Count(string option, string text, int minimum) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= minimum
            ? n
            : throw new ArgumentException($"option '{option}' needs a whole number >= {minimum}, got '{text}'.", nameof(option));
}
