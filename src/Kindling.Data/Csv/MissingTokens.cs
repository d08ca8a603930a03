namespace Kindling.Data;

/// <summary>The set of cell texts that mean "no value", matched without allocating.</summary>
sealed class MissingTokens
{
    readonly string[] _tokens;
    readonly byte[][] _utf8;

    internal MissingTokens(IEnumerable<string> tokens)
    {
        _tokens = tokens.Select(t => t.Trim()).Distinct().ToArray();
        _utf8 = Array.ConvertAll(_tokens, System.Text.Encoding.UTF8.GetBytes);
        HasNumericToken = _tokens.Any(t => NumberParser.TryParse(t, out double v) && !double.IsNaN(v));
    }

    /// <summary>Whether a token reads as a number other than NaN ("-999"): then a cell must be checked against the
    /// tokens before it is parsed.</summary>
    internal bool HasNumericToken { get; }

    /// <summary>As <see cref="Contains(ReadOnlySpan{char})"/>, on UTF-8 bytes.</summary>
    internal bool Contains(ReadOnlySpan<byte> trimmed)
    {
        foreach (var token in _utf8)
            if (trimmed.SequenceEqual(token)) return true;
        return false;
    }

    /// <summary>Whether <paramref name="trimmed"/> (a cell with surrounding spaces removed) is a missing token.</summary>
    internal bool Contains(ReadOnlySpan<char> trimmed)
    {
        foreach (var token in _tokens)
            if (trimmed.SequenceEqual(token)) return true;
        return false;
    }
}
