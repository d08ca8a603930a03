namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>Runs the built command with bytes piped to its standard input ('--data -').</summary>
static class CliStdin
{
    public static CliResult Run(string workingDirectory, byte[] input, params string[] args)
    {
        // As Cli.Start: the dotnet host running the tests, the built assembly, plain text output.
        string host = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var info = new System.Diagnostics.ProcessStartInfo(host)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Cli.Assembly);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["NO_COLOR"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = new System.Diagnostics.Process { StartInfo = info };
        using (process)
        {
            process.Start();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using (var stdin = process.StandardInput.BaseStream)
            {
                try { stdin.Write(input); }
                catch (IOException) { }  // the command may stop reading early (an error): its exit code tells
            }
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"kindling {string.Join(' ', args)} did not finish");
            }
            process.WaitForExit();
            return new CliResult(process.ExitCode, stdout.Result, stderr.Result, string.Join(' ', args) + " < input");
        }
    }
}
