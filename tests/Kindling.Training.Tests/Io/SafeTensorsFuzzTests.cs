using System.Buffers.Binary;
using System.Text;
using Kindling.Training.Io;

namespace Kindling.Training.Tests.Io;

/// <summary>
/// Seeded mutation fuzzing of the reader: every mutated input must either parse or raise
/// <see cref="SafeTensorsException"/>; any other exception is a hardening bug.
/// </summary>
public sealed class SafeTensorsFuzzTests(Xunit.Abstractions.ITestOutputHelper output)
{
    const int Iterations = 100_000;
    const int Seed = 20_250_611;

    static readonly string[] HeaderTokens =
        ["{", "}", "[", "]", "\"", ",", ":", "0", "1", "9", "-", ".", "e", " ", "\\", "\\u", "null", "true",
         "\"dtype\"", "\"shape\"", "\"data_offsets\"", "\"__metadata__\"", "\"F32\"", "\"F64\"", "\"I64\"", "\"F16\"",
         "-1", "2147483648", "9223372036854775807", "18446744073709551616", "1e3", "4.0", "[]", "{}", "\"\\ud800\""];

    static readonly ulong[] Lengths = [0, 1, 7, 8, 100_000_000, 100_000_001, ulong.MaxValue, long.MaxValue, 1UL << 63, uint.MaxValue];

    [Fact]
    public void Read_MutatedInputs_OnlySafeTensorsExceptionEscapes()
    {
        byte[][] seeds =
        [
            SafeTensors.Serialize(SafeTensorsTestFiles.SampleTensors(), SafeTensorsTestFiles.SampleMetadata),
            SafeTensors.Serialize([new NamedArray("s", [1f]), new NamedArray("e", Array.Empty<double>(), 0, 2), new NamedArray("i", [3L, 4L], 2)]),
            SafeTensors.Serialize([]),
        ];
        var rng = new System.Random(Seed);
        int parsed = 0, rejected = 0;
        for (int i = 0; i < Iterations; i++)
        {
            byte[] input = seeds[rng.Next(seeds.Length)];
            int rounds = rng.Next(4) == 0 ? 2 : 1;
            for (int r = 0; r < rounds; r++) input = Mutate(input, rng);
            try
            {
                SafeTensors.Read(input, "fuzz");
                parsed++;
            }
            catch (SafeTensorsException)
            {
                rejected++;
            }
            catch (Exception e)
            {
                Assert.Fail($"Iteration {i}: {e.GetType().Name} escaped: {e.Message}\nInput (base64): {Convert.ToBase64String(input)}");
            }
        }
        output.WriteLine($"{Iterations} inputs: {parsed} parsed, {rejected} rejected with SafeTensorsException");
        // Both outcomes must be common, or the mutator is too timid or too destructive to test anything.
        Assert.InRange(parsed, Iterations / 50, Iterations);
        Assert.InRange(rejected, Iterations / 4, Iterations);
    }

    static byte[] Mutate(byte[] input, System.Random rng)
    {
        var bytes = (byte[])input.Clone();
        switch (rng.Next(8))
        {
            case 0:   // bit flips anywhere
                if (bytes.Length == 0) return bytes;
                for (int k = 1 + rng.Next(4); k > 0; k--) bytes[rng.Next(bytes.Length)] ^= (byte)(1 << rng.Next(8));
                return bytes;
            case 1:   // truncation
                return bytes[..rng.Next(bytes.Length + 1)];
            case 2:   // length prefix edits: small shifts and extreme values
                if (bytes.Length < 8) return bytes;
                ulong n = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
                BinaryPrimitives.WriteUInt64LittleEndian(bytes, rng.Next(2) == 0 ? n + (ulong)(rng.Next(33) - 16) : Lengths[rng.Next(Lengths.Length)]);
                return bytes;
            case 3:   // random bytes inserted
                int at = rng.Next(bytes.Length + 1);
                var extra = new byte[1 + rng.Next(8)];
                rng.NextBytes(extra);
                return [.. bytes[..at], .. extra, .. bytes[at..]];
            default:  // header text edits, with the length prefix kept consistent so parsing goes deep
                return EditHeader(bytes, rng);
        }
    }

    static byte[] EditHeader(byte[] bytes, System.Random rng)
    {
        if (bytes.Length < 8) return bytes;
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (n > (ulong)(bytes.Length - 8)) return bytes;
        string header = Encoding.Latin1.GetString(bytes, 8, (int)n);   // Latin-1 keeps bytes 1:1
        int at = rng.Next(header.Length + 1);
        int cut = rng.Next(Math.Min(6, header.Length - at) + 1);
        string token = rng.Next(4) == 0 ? "" : HeaderTokens[rng.Next(HeaderTokens.Length)];
        if (rng.Next(3) == 0 && header.Length > 0)
        {
            // Swap a number in the header (an offset or a dim) for another.
            int digit = header.IndexOfAny("0123456789".ToCharArray(), rng.Next(header.Length));
            if (digit >= 0)
            {
                at = digit;
                cut = 1;
                while (at + cut < header.Length && char.IsAsciiDigit(header[at + cut])) cut++;
                token = rng.Next(3) == 0 ? HeaderTokens[26 + rng.Next(6)] : rng.Next(300).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        string edited = header[..at] + token + header[(at + cut)..];
        byte[] newHeader = Encoding.Latin1.GetBytes(edited);
        var result = new byte[8 + newHeader.Length + (bytes.Length - 8 - (int)n)];
        BinaryPrimitives.WriteUInt64LittleEndian(result, (ulong)newHeader.Length);
        newHeader.CopyTo(result, 8);
        bytes.AsSpan(8 + (int)n).CopyTo(result.AsSpan(8 + newHeader.Length));
        return result;
    }
}
