using System.Globalization;

namespace Kindling.Reports.Html;

/// <summary>How numbers read in a report: metrics to four places (as the CLI prints them), the rest to six digits.</summary>
internal static class Fmt
{
    public static string Metric(double v) => double.IsFinite(v) ? v.ToString("F4", CultureInfo.InvariantCulture) : "–";
    public static string G(double? v) => v is double d && double.IsFinite(d) ? d.ToString("G6", CultureInfo.InvariantCulture) : "–";
    public static string Int(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
    public static string Share(double v) => double.IsFinite(v) ? v.ToString("P0", CultureInfo.InvariantCulture) : "–";
    public static string Seconds(double s) => s < 1 ? $"{(s * 1000).ToString("F0", CultureInfo.InvariantCulture)} ms" : $"{s.ToString("F2", CultureInfo.InvariantCulture)} s";
}
