using System.Globalization;

namespace Kindling.Data;

/// <summary>How much more memory this process can take before the machine (or its container) runs out: checked
/// before allocating a matrix whose size the data decides, so a too-large one is refused with a reason instead of
/// an OutOfMemoryException or the kernel's OOM killer.</summary>
public static class MemoryBudget
{
    /// <summary>Bytes the process may still allocate: the GC's limit (physical memory, or the container's limit)
    /// less the process's working set, and at most what Linux reports as available (MemAvailable).</summary>
    public static long Available()
    {
        long limit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes - Environment.WorkingSet;
        return Math.Max(0, Math.Min(limit, MemAvailable() ?? long.MaxValue));
    }

    // /proc/meminfo's "MemAvailable:  123456 kB"; null elsewhere.
    static long? MemAvailable()
    {
        try
        {
            if (!OperatingSystem.IsLinux()) return null;
            foreach (var line in File.ReadLines("/proc/meminfo"))
            {
                if (!line.StartsWith("MemAvailable:", StringComparison.Ordinal)) continue;
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
        }
        return null;
    }

    /// <summary>"1.5 GB", "320 MB": a size for a message.</summary>
    public static string Format(double bytes) =>
        bytes >= 1e9 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.#} GB")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(bytes / 1e6):0} MB");
}
