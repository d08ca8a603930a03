using System.Diagnostics;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>A run whose disk fills up: exit 2 naming the disk, the completed files kept (model first, plots last),
/// nothing under the final name. Needs a small tmpfs, so root; skipped visibly otherwise.</summary>
public sealed class DiskFullTests
{
    [SkippableTheory]
    [InlineData(120)]
    [InlineData(40)]
    public void Train_DiskFillsUp_ExitsTwoKeepingCompletedFiles(int kilobytes)
    {
        using var temp = new TempFolder();
        string disk = temp["disk"];
        Directory.CreateDirectory(disk);
        Skip.IfNot(Mount(disk, kilobytes), "needs root and mount(8) to make a small tmpfs");
        try
        {
            var r = Cli.Run(temp.Path, "train", "--epochs", "5", "--checkpoint-every", "1", "--out", Path.Combine(disk, "run"));
            if (r.ExitCode == 0) return;   // everything fitted: nothing to check at this size
            CliAssert.UserError(r, "is full", disk);
            Assert.False(Directory.Exists(Path.Combine(disk, "run")));
            var staging = Directory.GetDirectories(disk, ".run.partial-*");
            Assert.Single(staging);
            foreach (var file in Directory.GetFiles(staging[0]))
                Assert.True(new FileInfo(file).Length > 0 || Path.GetFileName(file).StartsWith('.'), $"{file} is empty");
            // The model comes first: where the error names it as kept, it loads.
            if (r.Stderr.Contains("model.json", StringComparison.Ordinal) && r.Stderr.Contains("model.safetensors", StringComparison.Ordinal))
                CliAssert.Success(Cli.Run(temp.Path, "inspect", staging[0]));
        }
        finally
        {
            Run("umount", "-l", disk);
        }
    }

    static bool Mount(string path, int kilobytes) =>
        OperatingSystem.IsLinux() && Environment.UserName == "root" && Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", path);

    static bool Run(string file, params string[] args)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            p.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
