using System.CommandLine;
using Kindling.Cli.Commands;

namespace Kindling.Cli;

/// <summary>The <c>kindling</c> command: train · evaluate · predict · export · inspect.</summary>
static class Program
{
    static int Main(string[] args)
    {
        // Not RootCommand, which takes its name from the executable ("Kindling.Cli" under `dotnet`): the usage line
        // says the command's own name, with RootCommand's --help and --version added by hand.
        var root = new Command("kindling", "Kindling: train a neural-network classifier on a CSV file, the PyTorch way, in pure C#.");
        var help = new System.CommandLine.Help.HelpOption { Recursive = true };
        HelpExamples.Attach(help);
        root.Options.Add(help);
        root.Options.Add(new VersionOption());
        root.Options.Add(CommonOptions.Verbose);
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(PredictCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(InspectCommand.Create());
        root.Subcommands.Add(CleanCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());

        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var line in ParseErrorText.Describe(parsed))
                Console.Error.WriteLine($"kindling: error: {line}");
            Console.Error.WriteLine("Run 'kindling --help' (or 'kindling <command> --help') for usage.");
            return ExitCodes.BadInput;
        }
        return Invoke(parsed);
    }

    // Every failure becomes one clear line on stderr and an exit code; --verbose adds the stack trace.
    static int Invoke(ParseResult parsed)
    {
        bool verbose = parsed.GetValue(CommonOptions.Verbose);
        try
        {
            // Ctrl+C is handled by the train command itself: training stops after the current step and still saves the run.
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (Exception e) when (ErrorReport.IsUserError(e))
        {
            Console.Error.WriteLine($"kindling: error: {ErrorReport.Describe(e)}");
            if (verbose) Console.Error.WriteLine(e);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("kindling: cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"kindling: internal error: {e.Message}");
            Console.Error.WriteLine(verbose ? e.ToString() : "Run again with --verbose for details, and please report it.");
            return ExitCodes.Internal;
        }
    }
}
