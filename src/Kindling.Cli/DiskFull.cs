namespace Kindling.Cli;

/// <summary>Recognises "no space left" among I/O errors (also when a writer wrapped it), which is the user's to fix
/// (free space, another --out), not a bug to report.</summary>
static class DiskFull
{
    const int Enospc = 28, LinuxEdquot = 122, MacEdquot = 69;   // errno values, which .NET on Unix gives as HResult
    const int ErrorHandleDiskFull = 0x27, ErrorDiskFull = 0x70;   // Windows

    public static bool Is(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is IOException && IsCode(e.HResult)) return true;
        return false;
    }

    static bool IsCode(int hresult) =>
        OperatingSystem.IsWindows() ? (hresult & 0xFFFF) is ErrorHandleDiskFull or ErrorDiskFull
        : OperatingSystem.IsMacOS() ? hresult is Enospc or MacEdquot
        : hresult is Enospc or LinuxEdquot;
}
