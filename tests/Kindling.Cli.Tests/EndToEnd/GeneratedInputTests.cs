using System.Globalization;
using System.Text;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>The command line on generated files nobody planned for — wide, high-cardinality, ragged, binary, numeric
/// targets, constant columns, odd quoting: every one ends in a result (exit 0) or a user error (exit 2), never an
/// internal error (exit 1) or a stack trace. Deterministic: each case has its own seeded generator.</summary>
public sealed class GeneratedInputTests
{
    public static TheoryData<int> Cases() => [.. Enumerable.Range(0, 16)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void TrainAndInspect_GeneratedFile_NeverAnInternalError(int seed)
    {
        using var temp = new TempFolder();
        var random = new System.Random(seed);
        string path = temp["data.csv"];
        string target = Generate(path, random, seed % 8);
        foreach (var args in new[]
        {
            new[] { "train", "--data", path, "--target", target, "--epochs", "2", "--json", "--out", "run" },
            ["inspect", path],
        })
        {
            var r = Cli.Run(temp.Path, args);
            Assert.True(r.ExitCode is 0 or 2, $"case {seed} ({Kind(seed % 8)}): {r}");
            CliAssert.NoStackTrace(r);
            Assert.DoesNotContain("internal error", r.Stderr, StringComparison.Ordinal);
        }
    }

    static string Kind(int kind) => kind switch
    {
        0 => "10,000 columns",
        1 => "high-cardinality text",
        2 => "ragged rows",
        3 => "random bytes",
        4 => "numeric target",
        5 => "constant and empty columns",
        6 => "quotes and delimiters in cells",
        _ => "one row per class",
    };

    /// <summary>Writes a file of the given kind and returns the name of the column to train on.</summary>
    static string Generate(string path, System.Random random, int kind)
    {
        var csv = new StringBuilder();
        switch (kind)
        {
            case 0:
                csv.AppendLine(string.Join(',', Enumerable.Range(0, 10_000).Select(j => $"c{j}")) + ",y");
                for (int i = 0; i < 30; i++)
                    csv.AppendLine(string.Join(',', Enumerable.Range(0, 10_000).Select(_ => random.Next(100).ToString(CultureInfo.InvariantCulture))) + $",{random.Next(2)}");
                break;
            case 1:
                csv.AppendLine("id,city,x,y");
                for (int i = 0; i < 3000; i++) csv.AppendLine(CultureInfo.InvariantCulture, $"u{random.Next()},city{random.Next(2500)},{random.NextDouble()},{(char)('a' + random.Next(3))}");
                break;
            case 2:
                csv.AppendLine("a,b,y");
                for (int i = 0; i < 200; i++) csv.AppendLine(string.Join(',', Enumerable.Range(0, random.Next(1, 5)).Select(_ => random.Next(9).ToString(CultureInfo.InvariantCulture))));
                break;
            case 3:
                var bytes = new byte[4096];
                random.NextBytes(bytes);
                File.WriteAllBytes(path, [.. "a,y\n"u8, .. bytes]);
                return "y";
            case 4:
                csv.AppendLine("x1,x2,y");
                for (int i = 0; i < 400; i++) csv.AppendLine(CultureInfo.InvariantCulture, $"{random.NextDouble()},{random.Next(50)},{random.NextDouble() * 1e6 - 5e5}");
                break;
            case 5:
                csv.AppendLine("same,empty,x,y");
                for (int i = 0; i < 300; i++) csv.AppendLine(CultureInfo.InvariantCulture, $"7,,{(random.Next(10) == 0 ? "" : random.Next(100).ToString(CultureInfo.InvariantCulture))},{random.Next(3)}");
                break;
            case 6:
                csv.AppendLine("\"we,ird\",\"<script>\",y");
                for (int i = 0; i < 300; i++) csv.AppendLine(CultureInfo.InvariantCulture, $"\"{random.Next(5)},{random.Next(5)}\",\"a \"\"q\"\" {random.Next(4)}\",{random.Next(2)}");
                return "y";
            default:
                csv.AppendLine("x,y");
                for (int i = 0; i < 40; i++) csv.AppendLine(CultureInfo.InvariantCulture, $"{random.NextDouble()},class{i}");
                break;
        }
        File.WriteAllText(path, csv.ToString());
        return "y";
    }
}
