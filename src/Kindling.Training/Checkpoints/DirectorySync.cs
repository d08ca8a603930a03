using System.Runtime.InteropServices;

namespace Kindling.Training.Checkpoints;

/// <summary>fsync of a directory, so that a rename into it survives a power loss (POSIX leaves that to the
/// directory's own flush; .NET opens no directory handles, hence libc).</summary>
internal static partial class DirectorySync
{
    const int ReadOnly = 0;   // O_RDONLY

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    /// <summary>Flushes <paramref name="directory"/>'s entries to disk; a no-op on Windows, whose file systems
    /// journal renames themselves.</summary>
    public static void Flush(string directory)
    {
        if (OperatingSystem.IsWindows()) return;
        int fd = Open(directory, ReadOnly);
        if (fd < 0) throw new IOException($"{directory}: cannot open the folder to flush it (errno {Marshal.GetLastPInvokeError()})");
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"{directory}: fsync failed (errno {Marshal.GetLastPInvokeError()})");
        }
        finally
        {
            Close(fd);
        }
    }
}
