using Kindling.Data;

namespace Kindling.Cli;

/// <summary>Decides which failures are the user's to fix (exit 2) and phrases them in one line.</summary>
static class ErrorReport
{
    public static bool IsUserError(Exception e) => e switch
    {
        UsageException or DataException or ModelFileException or RunKeptException => true,
        FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException => true,
        PathTooLongException => true,
        _ => false,
    };

    public static string Describe(Exception e) => e switch
    {
        FileNotFoundException f when f.FileName is not null => $"{f.FileName}: file not found",
        UnauthorizedAccessException => $"permission denied: {e.Message}",
        _ => e.Message,
    };
}
