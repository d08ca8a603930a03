namespace Kindling.Cli;

/// <summary>Bad command-line usage or input the user can fix: exit code 2, one line on stderr.</summary>
sealed class UsageException(string message) : Exception(message);
