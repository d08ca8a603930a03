using System.Text;

namespace Kindling.Data;

/// <summary>Text saved as UTF-16 or UTF-32 (Excel's "Unicode text", PowerShell's default redirect): recognised by its
/// byte-order mark and decoded to UTF-8 before parsing, since every reader below works on UTF-8 bytes. Like
/// <c>pandas.read_csv(encoding="utf-16")</c>, which also needs the BOM to tell the byte order.</summary>
static class UnicodeInput
{
    /// <summary>The encoding a byte-order mark at the start of <paramref name="prefix"/> announces, or null (none, or
    /// UTF-8's, which the readers skip themselves). UTF-32 LE is tested before UTF-16 LE: its mark begins with UTF-16 LE's.</summary>
    internal static Encoding? Detect(ReadOnlySpan<byte> prefix, out int markLength)
    {
        (Encoding? encoding, markLength) = prefix switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4),
            [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4),
            [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2),
            [0xFE, 0xFF, ..] => ((Encoding?)new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2),
            _ => (null, 0),
        };
        return encoding;
    }

    /// <summary>The stream itself when it is not UTF-16/32 with a BOM (left where it was); else its text re-encoded as
    /// UTF-8 in memory (the whole file is decoded: a UTF-16 file takes about its own size again).</summary>
    /// <exception cref="DataException">The bytes after the mark are not valid in the encoding it announces.</exception>
    internal static Stream ToUtf8(Stream stream, string? source)
    {
        long start = stream.Position;
        Span<byte> head = stackalloc byte[4];
        int read = 0;
        while (read < head.Length && stream.Read(head[read..]) is int n and > 0) read += n;
        stream.Position = start;
        if (Detect(head[..read], out int mark) is not { } encoding) return stream;
        if (stream.Length - start > int.MaxValue)
            throw new DataException($"this {Name(encoding)} file is too large to convert in memory (over 2 GB); re-save it as UTF-8", source);
        var bytes = new byte[stream.Length - start];
        stream.ReadExactly(bytes);
        string text;
        try
        {
            text = encoding.GetString(bytes, mark, bytes.Length - mark);
        }
        catch (DecoderFallbackException)
        {
            throw new DataException($"this file starts with a {Name(encoding)} byte-order mark but holds bytes that are not valid {Name(encoding)}; re-save it as UTF-8", source);
        }
        var utf8 = Encoding.UTF8.GetBytes(text);
        return new MemoryStream(utf8, 0, utf8.Length, writable: false, publiclyVisible: true);
    }

    /// <summary>True when <paramref name="prefix"/> has the pattern of mostly-ASCII UTF-16 text without a BOM: in at
    /// least 70% of the byte pairs one fixed side is NUL and the other a printable character or line break (a binary
    /// file's NUL bytes fall on both sides, next to control bytes).</summary>
    internal static bool LooksLikeUtf16(ReadOnlySpan<byte> prefix)
    {
        int pairs = prefix.Length / 2, low = 0, high = 0;
        if (pairs < 4) return false;
        for (int i = 0; i + 1 < prefix.Length; i += 2)
        {
            if (prefix[i + 1] == 0 && IsText(prefix[i])) low++;  // little-endian: 'a' is 61 00
            if (prefix[i] == 0 && IsText(prefix[i + 1])) high++;  // big-endian: 00 61
        }
        return Math.Max(low, high) * 10 >= pairs * 7;
    }

    static bool IsText(byte b) => b >= 0x20 || b is (byte)'\t' or (byte)'\n' or (byte)'\r';

    static string Name(Encoding e) => e is UTF32Encoding ? "UTF-32" : "UTF-16";
}
