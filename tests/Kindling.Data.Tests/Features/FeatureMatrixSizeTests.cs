namespace Kindling.Data.Tests.Features;

/// <summary>A feature matrix too large for one array or for the memory is refused before it is allocated, with a
/// message naming the column that made it so (it used to overflow int32: "Arithmetic operation resulted in an overflow").</summary>
public sealed class FeatureMatrixSizeTests
{
    static Preprocessor Wide(int categories) => Preprocessor.Fit(
        new Frame([new CategoricalColumn("city", Enumerable.Range(0, categories).Select(i => $"c{i}").ToArray()), new NumericColumn("y", new double[categories])]),
        new PreprocessorOptions { Target = "y" });

    [Fact]
    public void MatrixSize_PastArrayLimit_DoesNotFitAndNamesTheColumn()
    {
        var size = Wide(50_000).MatrixSize(160_000);
        Assert.False(size.Fits);
        Assert.Equal("city", size.WidestColumn);
        Assert.Equal(50_000, size.WidestFeatures);
        Assert.Equal(160_000L * 50_000 * 4, size.Bytes);
        Assert.Contains("column 'city' alone is one-hot encoded into 50,000 features", size.Describe());
    }

    [Fact]
    public void MatrixSize_Small_Fits() => Assert.True(Wide(10).MatrixSize(1000).Fits);

    [Fact]
    public void Transform_TooLarge_ThrowsDataExceptionBeforeAllocating()
    {
        // 50,000 rows × 50,000 one-hot features: 2.5e9 values, past int32 and Array.MaxLength.
        var p = Wide(50_000);
        var frame = new Frame([new CategoricalColumn("city", Enumerable.Range(0, 50_000).Select(i => $"c{i}").ToArray()), new NumericColumn("y", new double[50_000])]);
        var e = Assert.Throws<DataException>(() => p.Transform(frame));
        Assert.Contains("column 'city'", e.Message);
        Assert.Contains("max_categories", e.Message);
    }

    [Fact]
    public void MemoryBudget_Available_IsPositiveAndBelowPhysicalMemory()
    {
        long available = MemoryBudget.Available();
        Assert.InRange(available, 1, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
    }
}
