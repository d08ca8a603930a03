using System.Text.RegularExpressions;
using Kindling.Reports.Charts;
using Kindling.Reports.Html;

namespace Kindling.Reports.Tests.Charts;

public sealed class LineChartTests
{
    static string Draw(params Series[] series)
    {
        var html = new HtmlWriter();
        LineChart.Write(html, "Loss", "loss", series, marker: 2);
        return html.ToString();
    }

    [Fact]
    public void Write_NonFiniteValue_BreaksTheLine()
    {
        var svg = Draw(new Series("train", [1.0, 0.5, double.NaN, 0.4, 0.3], "#000"));
        Assert.Equal(2, Regex.Count(svg, "<polyline"));
    }

    [Fact]
    public void Write_SeriesName_IsEscapedInLegendAndTitle()
    {
        var svg = Draw(new Series("<b>run</b>", [1.0, 0.5], "#000"));
        Assert.DoesNotContain("<b>", svg);
        Assert.Contains("&lt;b&gt;run&lt;/b&gt;", svg);
    }

    [Fact]
    public void Write_OneEpoch_DrawsAPointInsideTheChart()
    {
        var svg = Draw(new Series("train", [2.0], "#000"));
        Assert.Contains("<polyline points=\"", svg);
        Assert.DoesNotContain("NaN", svg);
    }

    [Fact]
    public void Write_TitleDescribesTheTrend()
    {
        var svg = Draw(new Series("train loss", [2.5, 1.0], "#000"));
        Assert.Contains("train loss from 2.5 to 1 over 2 epochs", svg);
    }
}
