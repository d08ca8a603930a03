using Kindling.Reports.Pages;
using Kindling.Reports.Runs;
using Kindling.Training.Plots;

namespace Kindling.Reports;

/// <summary>report.html: one self-contained page (inline style and SVG, no script, nothing fetched) that tells how a
/// run went.</summary>
public static class RunReport
{
    /// <summary>Reads <paramref name="folder"/> and writes its report.html atomically.</summary>
    /// <param name="folder">The run folder.</param>
    /// <param name="shownAs">The folder's name once it is moved into place (training writes into a staging folder).</param>
    /// <returns>The report's path.</returns>
    public static string Write(string folder, string? shownAs = null)
    {
        var run = RunRecordReader.Read(folder);
        string path = Path.Combine(run.Folder, RunRecordReader.ReportFile);
        if (shownAs is not null) run = run with { Folder = Path.GetFullPath(shownAs) };
        AtomicFile.WriteAllText(path, Render(run));
        return path;
    }

    /// <summary>The page for <paramref name="run"/>.</summary>
    public static string Render(RunRecord run) => RunPage.Render(run);
}
