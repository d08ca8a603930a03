using System.Globalization;
using System.Text;

namespace Kindling.Data.Tests.Features;

using Csv = Kindling.Data.Csv;

/// <summary>Generated wide (up to 10,000 columns) and high-cardinality files through the whole data path — read,
/// text-column screen, preprocessing fit with random max_categories/min_frequency, size check, transform. The only
/// exception allowed out is <see cref="DataException"/>, and every size agrees with the fitted encoder (nothing
/// overflows int32 silently).</summary>
public sealed class WideFuzzTests
{
    static string Generate(System.Random rng, int rows, int columns, int cardinality)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Enumerable.Range(0, columns).Select(j => $"c{j}")).Append(",y\n");
        var kinds = Enumerable.Range(0, columns).Select(_ => rng.Next(4)).ToArray();
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                string cell = rng.Next(50) == 0 ? "" : kinds[j] switch
                {
                    0 => (rng.NextDouble() * 100).ToString("G6", CultureInfo.InvariantCulture),
                    1 => $"k{rng.Next(cardinality)}",                     // high-cardinality labels
                    2 => $"id{i}",                                        // an identifier
                    _ => $"few{rng.Next(3)}",
                };
                text.Append(cell).Append(',');
            }
            text.Append(rng.Next(3)).Append('\n');
        }
        return text.ToString();
    }

    [Theory]
    [InlineData(1, 3, 10_000, 5)]        // 10,000 columns, a few rows
    [InlineData(2, 40, 2_000, 50)]
    [InlineData(3, 20_000, 6, 15_000)]   // long, with labels of every frequency
    [InlineData(4, 5_000, 30, 4_000)]
    public void DataPath_WideAndHighCardinalityInputs_OnlyDataExceptionAndConsistentSizes(int seed, int rows, int columns, int cardinality)
    {
        var rng = new System.Random(seed);
        for (int round = 0; round < 3; round++)
        {
            var frame = Csv.ReadText(Generate(rng, rows, columns, cardinality));
            Assert.Equal(rows, frame.RowCount);
            var text = frame.Columns.Where(c => c.Kind == ColumnKind.Categorical && c.Name != "y").Select(c => c.Name).ToArray();
            var flagged = TextColumnScreen.Find(frame, text);
            Assert.All(flagged, f => Assert.True(f.Present >= TextColumnScreen.MinRows));
            int? max = rng.Next(3) switch { 0 => null, 1 => rng.Next(2, 200), _ => 100 };
            double? min = rng.Next(3) switch { 0 => null, 1 => rng.Next(1, 10), _ => 0.01 };
            try
            {
                var p = Preprocessor.Fit(frame, new PreprocessorOptions
                {
                    Target = "y",
                    Drop = [.. flagged.Select(f => f.Name)],
                    MaxCategories = max,
                    MinFrequency = min,
                });
                int expected = p.NumericColumns.Count + Enumerable.Range(0, p.CategoricalColumns.Count).Sum(p.OneHot!.Width);
                Assert.Equal(expected, p.FeatureCount);
                if (max is int m) Assert.All(Enumerable.Range(0, p.CategoricalColumns.Count), j => Assert.True(p.OneHot!.Width(j) <= m));
                var size = p.MatrixSize(rows);
                Assert.Equal((long)rows * p.FeatureCount * sizeof(float), size.Bytes);
                if (!size.Fits) continue;
                var x = p.Transform(frame);
                Assert.Equal((long)rows * p.FeatureCount, x.Data.LongLength);
            }
            catch (DataException)
            {
                // A clear refusal (e.g. a feature column with no value) is allowed; anything else fails the test.
            }
        }
    }
}
