namespace Kindling.Cli;

/// <summary>The data of '--data -': standard input, read to its end into memory (it cannot be memory-mapped or
/// read twice), in blocks so that a signal stops the read at once.</summary>
static class StandardInput
{
    /// <summary>How standard input is named in messages.</summary>
    public const string Name = "<stdin>";

    public static MemoryStream ReadAll(CancellationToken cancel)
    {
        if (!Console.IsInputRedirected)
            throw new UsageException("--data -: standard input is a terminal; pipe the CSV in (e.g. cat data.csv | kindling ...)");
        using var stdin = Console.OpenStandardInput();
        var copy = new MemoryStream();
        var buffer = new byte[1 << 20];
        int n;
        while ((n = stdin.Read(buffer)) > 0)
        {
            cancel.ThrowIfCancellationRequested();
            copy.Write(buffer, 0, n);
        }
        cancel.ThrowIfCancellationRequested();
        copy.Position = 0;
        return copy;
    }
}
