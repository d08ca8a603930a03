namespace Kindling.Data;

/// <summary>The one exception the data layer raises for bad input: it names the file, line and column.</summary>
public sealed class DataException : Exception
{
    public string? File { get; }
    public long? Line { get; }
    public string? Column { get; }

    public DataException(string message, string? file = null, long? line = null, string? column = null, Exception? inner = null)
        : base(Format(message, file, line, column), inner)
    {
        File = file;
        Line = line;
        Column = column;
    }

    static string Format(string message, string? file, long? line, string? column)
    {
        var where = new List<string>();
        if (file is not null) where.Add(file);
        if (line is not null) where.Add($"line {line}");
        if (column is not null) where.Add($"column '{column}'");
        return where.Count == 0 ? message : $"{string.Join(", ", where)}: {message}";
    }
}
