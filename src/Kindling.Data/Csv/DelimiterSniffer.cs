namespace Kindling.Data;

/// <summary>
/// Picks the field separator from the first records. Sep auto-detects from the header line only;
/// Kindling sniffs itself (like Python's <c>csv.Sniffer</c>) so that a semicolon file with decimal
/// commas, or a quoted header holding commas, is still read right: the chosen separator is the one
/// whose count per record (outside quotes) is the most consistent.
/// </summary>
static class DelimiterSniffer
{
    /// <summary>The separators tried, in order of preference on a tie.</summary>
    internal static readonly char[] Candidates = [',', ';', '\t', '|'];

    const int MaxRecords = 50;

    /// <summary>The separator for <paramref name="sample"/>, the start of the text
    /// (<paramref name="complete"/> when it is the whole text). ',' when no candidate occurs.</summary>
    internal static char Sniff(ReadOnlySpan<char> sample, bool complete)
    {
        var counts = CountPerRecord(sample, complete);
        char best = ',';
        double bestConsistency = 0;
        int bestMode = 0;
        for (int c = 0; c < Candidates.Length; c++)
        {
            var (mode, consistency) = ModeOf(counts, c);
            if (mode == 0) continue;
            if (consistency > bestConsistency || (consistency == bestConsistency && mode > bestMode))
            {
                best = Candidates[c];
                bestConsistency = consistency;
                bestMode = mode;
            }
        }
        return best;
    }

    // counts[record][candidate] = occurrences outside quotes; quotes follow RFC 4180 ("" inside quotes is a quote).
    static List<int[]> CountPerRecord(ReadOnlySpan<char> text, bool complete)
    {
        var records = new List<int[]>();
        var current = new int[Candidates.Length];
        bool inQuotes = false, any = false;
        for (int i = 0; i < text.Length && records.Count < MaxRecords; i++)
        {
            char ch = text[i];
            if (ch == '"') { inQuotes = !inQuotes; any = true; continue; }
            if (inQuotes) continue;
            if (ch is '\n' or '\r')
            {
                if (any) records.Add(current);
                current = new int[Candidates.Length];
                any = false;
                continue;
            }
            any = true;
            int k = Array.IndexOf(Candidates, ch);
            if (k >= 0) current[k]++;
        }
        // The last record of a partial sample may be cut short: count it only when the sample is whole.
        if (any && complete && records.Count < MaxRecords) records.Add(current);
        if (records.Count == 0 && any) records.Add(current);
        return records;
    }

    static (int Mode, double Consistency) ModeOf(List<int[]> counts, int candidate)
    {
        if (counts.Count == 0) return (0, 0);
        var freq = new Dictionary<int, int>();
        foreach (var record in counts) freq[record[candidate]] = freq.GetValueOrDefault(record[candidate]) + 1;
        int mode = 0, modeFreq = 0;
        foreach (var (count, f) in freq)
            if (count > 0 && (f > modeFreq || (f == modeFreq && count > mode))) { mode = count; modeFreq = f; }
        return (mode, (double)modeFreq / counts.Count);
    }
}
