namespace Kindling.Data;

/// <summary>The set of cell texts that mean "no value", matched without allocating.</summary>
sealed class MissingTokens
{
    readonly string[] _tokens;

    internal MissingTokens(IEnumerable<string> tokens) => _tokens = tokens.Select(t => t.Trim()).Distinct().ToArray();

    /// <summary>Whether <paramref name="trimmed"/> (a cell with surrounding spaces removed) is a missing token.</summary>
    internal bool Contains(ReadOnlySpan<char> trimmed)
    {
        foreach (var token in _tokens)
            if (trimmed.SequenceEqual(token)) return true;
        return false;
    }
}
