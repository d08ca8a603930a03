using System.Text;

namespace Kindling.Data;

/// <summary>Rejects files that are not text before any parsing: a spreadsheet, archive or image fed
/// by mistake should fail with a sentence, not with a thousand ragged-row complaints.</summary>
static class TextCheck
{
    /// <summary>How many leading bytes are inspected.</summary>
    internal const int ProbeBytes = 4096;

    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Throws if <paramref name="prefix"/> (the first bytes of the file; <paramref name="complete"/> if that is
    /// the whole file) holds a NUL byte, is not valid UTF-8, or is mostly control characters.</summary>
    internal static void EnsureText(ReadOnlySpan<byte> prefix, bool complete, string? source)
    {
        if (prefix.Length > ProbeBytes) prefix = prefix[..ProbeBytes];
        if (prefix.IndexOf((byte)0) >= 0 && UnicodeInput.LooksLikeUtf16(prefix))
            throw new DataException("this looks like UTF-16 text without a byte-order mark: re-save it as UTF-8 (or as UTF-16 with a BOM)", source);
        if (prefix.IndexOf((byte)0) >= 0)
            throw new DataException("this is a binary file, not CSV text (it contains NUL bytes); export the data as a UTF-8 CSV", source);
        // Cut a multi-byte sequence that the probe window splits, so only real errors count.
        int end = prefix.Length;
        if (!complete)
        {
            int back = 0;
            while (back < 3 && end - back - 1 >= 0 && (prefix[end - back - 1] & 0xC0) == 0x80) back++;
            if (end - back - 1 >= 0 && prefix[end - back - 1] >= 0xC0) end -= back + 1;
        }
        try
        {
            StrictUtf8.GetCharCount(prefix[..end]);
        }
        catch (DecoderFallbackException)
        {
            throw new DataException("this file is not UTF-8 text (it holds bytes that are not valid UTF-8); it may be binary, or saved in another encoding: re-save it as UTF-8 CSV", source);
        }
        int control = 0;
        foreach (byte b in prefix[..end])
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C) control++;
        if (end > 0 && control * 10 > end)
            throw new DataException("this looks like a binary file, not CSV text (many control characters); export the data as a UTF-8 CSV", source);
    }
}
