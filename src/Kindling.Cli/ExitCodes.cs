namespace Kindling.Cli;

/// <summary>The command's documented exit codes.</summary>
static class ExitCodes
{
    public const int Success = 0;
    /// <summary>An unexpected failure inside Kindling (a bug): report it.</summary>
    public const int Internal = 1;
    /// <summary>Bad input or usage: a missing file, an unknown column, a bad option value.</summary>
    public const int BadInput = 2;
    /// <summary>Interrupted by Ctrl+C (as shells report SIGINT).</summary>
    public const int Cancelled = 130;
}
