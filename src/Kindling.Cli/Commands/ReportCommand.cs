using System.CommandLine;
using System.Text.Json;
using Kindling.Reports;
using Kindling.Reports.Runs;

namespace Kindling.Cli.Commands;

/// <summary><c>kindling report RUN [RUN ...]</c>: one run's report.html (re)written from its folder, or several runs
/// side by side in one page; <c>--json</c> prints the comparison for programs.</summary>
static class ReportCommand
{
    public static Command Create()
    {
        var runs = new Argument<string[]>("RUN") { Description = "Run folders written by 'kindling train'.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "The HTML file to write (default: RUN/report.html for one run, comparison.html for several).",
        };
        var json = new Option<bool>("--json") { Description = "Print the comparison as one JSON object on stdout." };
        var command = new Command("report", "Write a run's report.html, or compare runs side by side.") { runs, output, json };
        command.SetAction(parsed => Run(parsed.GetValue(runs)!, parsed.GetValue(output), parsed.GetValue(json)));
        return command;
    }

    static int Run(string[] folders, string? output, bool json)
    {
        string path = output ?? (folders.Length == 1 ? Path.Combine(folders[0], RunRecordReader.ReportFile) : "comparison.html");
        OutputFile.Check(path, "--output");
        var records = folders.Select(Read).ToList();
        var comparison = new RunComparison(records);
        OutputFile.Write("--output", path, full =>
        {
            if (folders.Length == 1) Kindling.Training.Plots.AtomicFile.WriteAllText(full, RunReport.Render(records[0]));
            else RunComparer.Write(comparison, full);
        });
        if (json)
        {
            using var stdout = Console.OpenStandardOutput();
            using (var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true }))
                RunComparer.WriteJson(writer, comparison);
            stdout.WriteByte((byte)'\n');
        }
        else
        {
            Console.WriteLine($"wrote {Path.GetFullPath(path)}");
        }
        return ExitCodes.Success;
    }

    static RunRecord Read(string folder)
    {
        try
        {
            return RunRecordReader.Read(folder);
        }
        catch (InvalidDataException e)
        {
            throw new ModelFileException(folder, e.Message.StartsWith(Path.GetFullPath(folder), StringComparison.Ordinal)
                ? e.Message[Path.GetFullPath(folder).Length..].TrimStart('/', ':', ' ') : e.Message, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelFileException(folder, $"cannot be read: {e.Message}", e);
        }
    }
}
