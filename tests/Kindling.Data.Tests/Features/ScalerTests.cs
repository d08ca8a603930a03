namespace Kindling.Data.Tests.Features;

using static FeatureTestData;

public sealed class ScalerTests
{
    static readonly System.Text.Json.JsonElement Golden = Fixtures.Load("data_wineqt.json");

    static double[,] WineFeatures() => Columns(Wine(), Golden.GetProperty("features").Strings());

    [Fact]
    public void StandardScaler_WineQT_MatchesSklearn()
    {
        var g = Golden.GetProperty("standard");
        var scaler = StandardScaler.Fit(WineFeatures());
        AssertClose(g.GetProperty("mean").Doubles(), scaler.Mean, 1e-12);
        AssertClose(g.GetProperty("var").Doubles(), scaler.Var, 1e-12);
        AssertClose(g.GetProperty("scale").Doubles(), scaler.Scale, 1e-12);
        AssertClose(g.GetProperty("matrix").Matrix(), scaler.Transform(WineFeatures()));
    }

    [Fact]
    public void MinMaxScaler_WineQT_MatchesSklearn()
    {
        var g = Golden.GetProperty("minmax");
        var scaler = MinMaxScaler.Fit(WineFeatures());
        AssertClose(g.GetProperty("data_min").Doubles(), scaler.DataMin, 0);
        AssertClose(g.GetProperty("data_max").Doubles(), scaler.DataMax, 0);
        AssertClose(g.GetProperty("scale").Doubles(), scaler.Scale, 1e-12);
        AssertClose(g.GetProperty("min").Doubles(), scaler.Min, 1e-12);
        AssertClose(g.GetProperty("matrix").Matrix(), scaler.Transform(WineFeatures()));
    }

    [Fact]
    public void StandardScaler_ConstantColumn_KeepsScaleOne()
    {
        // sklearn: StandardScaler().fit([[7, 1], [7, 2], [7, 3]]).scale_ == [1, 0.816496580927726]
        var scaler = StandardScaler.Fit(new double[,] { { 7, 1 }, { 7, 2 }, { 7, 3 } });
        Assert.Equal(1.0, scaler.Scale[0]);
        Assert.Equal(Math.Sqrt(2.0 / 3.0), scaler.Scale[1], 15);
        Assert.Equal(0.0, scaler.Transform(new double[,] { { 7, 2 } })[0, 0]);
    }

    [Fact]
    public void MinMaxScaler_ConstantColumn_KeepsScaleOne()
    {
        var scaler = MinMaxScaler.Fit(new double[,] { { 7 }, { 7 } });
        Assert.Equal(1.0, scaler.Scale[0]);
        Assert.Equal(0.0, scaler.Transform(new double[,] { { 7 } })[0, 0]);
    }
}
