using System.Globalization;
using System.Text.Json.Nodes;

namespace Kindling.Cli.Commands;

/// <summary>Plot titles that say which rows a curve covers and how many: "Loss — training (n = 822) and
/// validation (n = 92) sets".</summary>
sealed record PlotTitles(string Loss, string Accuracy)
{
    /// <param name="data">model.json's <c>data</c> object (train_rows, val_rows).</param>
    public static PlotTitles Of(JsonObject data)
    {
        int train = (int?)data["train_rows"] ?? 0, val = (int?)data["val_rows"] ?? 0;
        string sets = val > 0
            ? string.Create(CultureInfo.InvariantCulture, $"training (n = {train}) and validation (n = {val}) sets")
            : string.Create(CultureInfo.InvariantCulture, $"training set, n = {train}");
        return new PlotTitles($"Loss — {sets}", $"Accuracy — {sets}");
    }
}
