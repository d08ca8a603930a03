using System.Globalization;
using System.Text;
using Kindling.Data;
using Kindling.Training.Plots;
using Kindling.Training.Runs;

namespace Kindling.Cli.Commands;

/// <summary><c>kindling predict</c> for a regression model: one number per row in the target's units, written with
/// round-trip precision ("R"), so a reader gets the very double Kindling computed.</summary>
static class RegressionPredict
{
    public static int Write(SavedModel saved, Frame frame, string? output, bool proba, string? idColumn)
    {
        if (proba) throw new UsageException($"--proba: the model of '{saved.Target}' is a regression model; it predicts numbers, not class probabilities");
        double[] predicted = saved.PredictValues(frame);
        var csv = new StringBuilder();
        if (idColumn is not null) csv.Append(PredictCommand.Quote(idColumn)).Append(',');
        csv.Append(PredictCommand.Quote(saved.Target)).Append('\n');
        for (int i = 0; i < predicted.Length; i++)
        {
            if (idColumn is not null) csv.Append(PredictCommand.Quote(frame[idColumn].Format(i))).Append(',');
            csv.Append(predicted[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        if (output is null) Console.Out.Write(csv.ToString());
        else OutputFile.Write("--output", output, full => AtomicFile.WriteAllText(full, csv.ToString()));
        return ExitCodes.Success;
    }
}
