using System.Text.RegularExpressions;
using Kindling.Data;

namespace Kindling.Cli;

/// <summary>Decides which failures are the user's to fix (exit 2) and phrases them in one line.</summary>
static partial class ErrorReport
{
    public static bool IsUserError(Exception e) => e switch
    {
        UsageException or DataException or ModelFileException or RunKeptException => true,
        FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException => true,
        PathTooLongException => true,
        _ when DiskFull.Is(e) => true,
        _ => false,
    };

    public static string Describe(Exception e) => Plain(e switch
    {
        FileNotFoundException f when f.FileName is not null => $"{f.FileName}: file not found",
        UnauthorizedAccessException => $"permission denied: {e.Message}",
        _ when DiskFull.Is(e) => $"the disk is full: {e.Message}",
        _ => e.Message,
    });

    /// <summary>A message without what .NET adds for programmers: ArgumentException's " (Parameter 'y')" tail and
    /// type names such as "as expected type 'System.Int32'". Every error line passes through here.</summary>
    public static string Plain(string message) => DotNetNoise().Replace(message, "").TrimEnd();

    [GeneratedRegex(@"\s*\(Parameter '[^']*'\)|\s*(as expected type )?'System\.[^']*'")]
    private static partial Regex DotNetNoise();
}
