using SeedTraining;

namespace Kindling.Training.Tests.Seed;

/// <summary>The sample's options mirror seed_program.py's flags of the same names.</summary>
public sealed class SeedArgumentsTests
{
    [Fact]
    public void Parse_NoArguments_IsTheSeedFullBatchRun()
    {
        var (options, json) = SeedArguments.Parse([]);
        Assert.NotNull(options);
        Assert.Equal(100, options.Epochs);
        Assert.Equal(0, options.BatchSize);
        Assert.False(options.UseDataLoader);
        Assert.False(json);
        Assert.EndsWith("loss.png", options.PlotPath);
    }

    [Fact]
    public void Parse_BatchSizeEpochsJson_SetsEach()
    {
        var (options, json) = SeedArguments.Parse(["--batch-size", "32", "--epochs", "20", "--json", "--no-plot"]);
        Assert.NotNull(options);
        Assert.Equal(32, options.BatchSize);
        Assert.Equal(20, options.Epochs);
        Assert.Null(options.PlotPath);
        Assert.True(json);
    }

    [Theory]
    [InlineData(new[] { "--data-loader" }, "--batch-size")]
    [InlineData(new[] { "--epochs", "0" }, "'--epochs'")]
    [InlineData(new[] { "--batch-size" }, "'--batch-size' needs a value")]
    [InlineData(new[] { "--lr", "0.1" }, "'--lr'")]
    public void Parse_BadArguments_ThrowsNamingTheOption(string[] args, string named)
    {
        var e = Assert.Throws<ArgumentException>(() => SeedArguments.Parse(args));
        Assert.Contains(named, e.Message);
    }
}
