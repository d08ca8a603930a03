namespace Kindling.Data.Tests.Csv;

using Csv = Kindling.Data.Csv;

public sealed class ReadNumericTests
{
    /// <summary>float32 storage of the inputs: WineQT's density (std 0.0019 around 0.997) loses ~6e-8/0.0019 ≈ 3e-5 when standardised.</summary>
    const double Float32InputTolerance = 1e-4;

    [Fact]
    public void ReadNumeric_WineQT_StandardisesAsSklearn()
    {
        var golden = Fixtures.Load("data_wineqt.json").GetProperty("standard");
        var matrix = Csv.ReadNumeric(Path.Combine(RepoPaths.Root, "data", "WineQT.csv"));
        Assert.Equal((1143, 13), (matrix.Rows, matrix.Columns));
        var scaler = StandardScaler.FitTransform(matrix);
        var mean = golden.GetProperty("mean").Doubles();
        for (int j = 0; j < 11; j++) Assert.Equal(mean[j], scaler.Mean[j], 1e-12);
        var expected = golden.GetProperty("matrix").Matrix();
        for (int i = 0; i < matrix.Rows; i++)
            for (int j = 0; j < 11; j++)
                Assert.True(Math.Abs(expected[i, j] - matrix.Data[i * 13 + j]) < Float32InputTolerance, $"({i}, {j})");
        Assert.Equal([1143, 13], matrix.ToTensor().Shape);
    }

    [Fact]
    public void ReadNumeric_TextCell_NamesLineAndColumn()
    {
        string path = Path.Combine(Path.GetTempPath(), $"kindling-num-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "a,b\n1,2\n3,x\n");
        try
        {
            var e = Assert.Throws<DataException>(() => Csv.ReadNumeric(path));
            Assert.Equal((3, "b"), (e.Line, e.Column));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadNumeric_MissingAndQuotedNewlines_AreHandled()
    {
        string path = Path.Combine(Path.GetTempPath(), $"kindling-num-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "\"a\nb\",c\n1,NA\n3,4\n");
        try
        {
            var m = Csv.ReadNumeric(path);
            Assert.Equal(2, m.Rows);
            Assert.True(float.IsNaN(m.Data[1]));
            var scaler = StandardScaler.FitTransform(m);
            Assert.Equal(4.0, scaler.Mean[1]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
