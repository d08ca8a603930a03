using System.Text;

namespace Kindling.Data.Tests.Csv;

using Csv = Kindling.Data.Csv;
using Schema = Kindling.Data.Schema;

/// <summary>
/// A seeded mutation fuzzer (issue 4): 4 × 25,000 = 100,000 mutated CSV inputs through the reader and
/// schema inference; the only exception allowed out is <see cref="DataException"/>.
/// </summary>
public sealed class CsvFuzzTests
{
    const int InputsPerSeed = 25_000;

    static readonly string[] Corpus =
    [
        "a,b,c\n1,2,x\n3,4,y\n",
        "\"q,1\";\"q\"\"2\"\r\n1,5;\"multi\nline\"\r\nNA;?\r\n",
        "x\ty\n0.5\t-1e3\n\t\n1\tinf\n",
        "id|name|v\n1|\"a|b\"|2.5\n2|c|N/A\n",
        "\uFEFFcol,cat\n1,red\n2,\n3,blue\n,green\n",
        "1,2,3\n4,5,6\n",
        "a,a\n1,2\n",
        "h\n",
        ",x\n0,1\n1,\n",
        "p,q\n1.50,2\nA7,3\n",
    ];

    static readonly byte[] Alphabet = Encoding.UTF8.GetBytes(",;\t|\"\n\r .-+e0123456789aZ?NA\\").Concat(new byte[] { 0, 0xFF, 0xC3, 0xA9, 0xEF, 0xBB, 0xBF }).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void ReadAndDescribe_MutatedInputs_ThrowOnlyDataException(int seed)
    {
        var random = new System.Random(seed);
        int rejected = 0;
        for (int n = 0; n < InputsPerSeed; n++)
        {
            byte[] input = Mutate(Encoding.UTF8.GetBytes(Corpus[random.Next(Corpus.Length)]), random);
            var options = new CsvOptions
            {
                HasHeader = random.Next(3) switch { 0 => null, 1 => true, _ => false },
                Delimiter = random.Next(4) == 0 ? DelimiterChoices[random.Next(DelimiterChoices.Length)] : null,
                ColumnKinds = random.Next(4) == 0 ? new Dictionary<string, ColumnKind> { ["c0"] = ColumnKind.Numeric } : new Dictionary<string, ColumnKind>(),
            };
            try
            {
                var frame = Csv.Read(new MemoryStream(input), options);
                Assert.True(frame.RowCount > 0);
                Schema.Describe(frame);
            }
            catch (DataException)
            {
                rejected++;
            }
            catch (Exception e)
            {
                Assert.Fail($"input {n} (seed {seed}) escaped with {e.GetType().Name}: {e.Message}\nbytes: {Convert.ToHexString(input)}");
            }
        }
        Assert.InRange(rejected, 1, InputsPerSeed - 1);  // the mutations reach both outcomes
    }

    static readonly char?[] DelimiterChoices = [',', ';', '\t', '|', '"', '\n', 'a'];

    static byte[] Mutate(byte[] seed, System.Random random)
    {
        var bytes = new List<byte>(seed);
        int edits = 1 + random.Next(4);
        for (int e = 0; e < edits; e++)
        {
            int at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: bytes.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
                case 1: if (bytes.Count > 0) bytes.RemoveAt(at); break;
                case 2: if (bytes.Count > 0) bytes[at] = Alphabet[random.Next(Alphabet.Length)]; break;
                case 3: if (bytes.Count > 0) bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 4:
                    int len = Math.Min(bytes.Count - at, 1 + random.Next(8));
                    if (len > 0) bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, len));
                    break;
                default: if (bytes.Count > 0) bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }
        return [.. bytes];
    }
}
