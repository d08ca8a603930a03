// The seed, in C#: `dotnet run --project samples/SeedTraining [-- --batch-size N --epochs E --data-loader --json]`.
// The training run itself reads top to bottom in SeedProgram.cs; this file parses options and prints like seed_program.py.
using System.Diagnostics;
using System.Globalization;
using SeedTraining;

var clock = Stopwatch.StartNew();
SeedOptions? options;
bool json;
try
{
    (options, json) = SeedArguments.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine(SeedArguments.Usage);
    return 2;
}
if (options is null)
{
    Console.WriteLine(SeedArguments.Usage);
    return 0;
}

var result = SeedProgram.Run(options);

if (json)
{
    Console.WriteLine(SeedJson.Write(result, clock.Elapsed.TotalSeconds));
    return 0;
}
var losses = result.TrainLoss;
var inv = CultureInfo.InvariantCulture;
Console.WriteLine($"data {result.DataSource}: {result.NTrain} train / {result.NTest} test rows, classes {string.Join(", ", result.Classes)}");
// for e in range(0, epochs, 10): print(f"epoch {e + 1:4d}  loss {losses[e]:.6f}")
for (int e = 0; e < losses.Count; e += 10)
    Console.WriteLine(string.Format(inv, "epoch {0,4}  loss {1:F6}", e + 1, losses[e]));
Console.WriteLine(string.Format(inv, "final loss {0:F6}  test accuracy {1:F4} ({2} of {3})  train {4:F1} ms",
    losses[^1], result.TestAccuracy, result.TestCorrect, result.NTest, result.TrainSeconds * 1000));
if (options.PlotPath is string plot)
    Console.WriteLine($"loss curve saved to {plot}");
return 0;
