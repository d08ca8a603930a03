namespace Kindling.Training.Io;

/// <summary>
/// The one exception Kindling's safetensors reader and writer raise for a bad file or a failed
/// read/write: the message names the file and the problem.
/// </summary>
public sealed class SafeTensorsException : Exception
{
    /// <summary>The file (or the caller's name for an in-memory source) the problem is in.</summary>
    public string File { get; }

    /// <summary>Creates the exception; the message becomes "<paramref name="file"/>: <paramref name="problem"/>".</summary>
    public SafeTensorsException(string file, string problem, Exception? inner = null)
        : base($"{file}: {problem}", inner)
    {
        File = file;
    }
}
