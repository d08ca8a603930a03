using System.Diagnostics;

namespace Kindling.Bench.Workloads;

/// <summary>Process-wide figures the JSON line reports, read the same way in bench_torch.py.</summary>
internal static class ProcessStats
{
    /// <summary>Peak resident set size in MiB: <c>VmHWM</c> of /proc/self/status (null where there is no procfs).</summary>
    public static double? PeakRssMiB()
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path)) return null;
        foreach (var line in File.ReadLines(path))
        {
            if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
            var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
            return long.Parse(kb, System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
        }
        return null;
    }

    /// <summary>Seconds since the process started (runtime start-up included).</summary>
    public static double SecondsSinceStart()
    {
        using var self = Process.GetCurrentProcess();
        return (DateTime.Now - self.StartTime).TotalSeconds;
    }
}
