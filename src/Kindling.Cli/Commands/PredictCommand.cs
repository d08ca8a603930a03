using System.CommandLine;
using System.Text;
using Kindling.Training.Plots;

namespace Kindling.Cli.Commands;

/// <summary><c>kindling predict</c>: labels (in their original form) and optionally probabilities for new rows;
/// the target column may be absent.</summary>
static class PredictCommand
{
    public static Command Create()
    {
        var model = CommonOptions.Model();
        var data = CommonOptions.Data(required: true);
        var output = new Option<string?>("--output") { Description = "CSV file to write (default: standard output)." };
        var proba = new Option<bool>("--proba") { Description = "Add one probability column per class." };
        var idColumn = new Option<string?>("--id-column") { Description = "Copy this input column into the output, first." };
        var noHeader = CommonOptions.NoHeader();
        var command = new Command("predict", "Predict the class of each row of a CSV file with a trained model.")
        {
            model, data, output, proba, idColumn, noHeader,
        };
        command.SetAction(parsed => Run(parsed.GetValue(model)!, parsed.GetValue(data)!, parsed.GetValue(output),
            parsed.GetValue(proba), parsed.GetValue(idColumn), parsed.GetValue(noHeader)));
        return command;
    }

    static int Run(string modelDir, string data, string? output, bool proba, string? idColumn, bool noHeader)
    {
        OutputFile.Check(output, "--output");
        var saved = ModelLoader.Load(modelDir);
        var frame = DataSource.ReadLike(data, saved.Preprocessor, noHeader);
        if (idColumn is not null) Columns.Require(frame, idColumn, "--id-column");
        UnseenCategoryWarning.Print(saved.Preprocessor, frame);
        if (saved.Task == Training.Tasks.TaskKind.Regression) return RegressionPredict.Write(saved, frame, output, proba, idColumn);
        var p = saved.PredictProba(frame);
        int[] predicted = saved.Predict(p);   // the argmax, or p1 >= the saved threshold for two classes

        var csv = new StringBuilder();
        var header = new List<string>();
        if (idColumn is not null) header.Add(idColumn);
        header.Add(saved.Target);
        if (proba) header.AddRange(saved.Labels.Classes.Select(c => $"proba_{c}"));
        csv.AppendJoin(',', header.Select(Quote)).Append('\n');
        for (int i = 0; i < predicted.Length; i++)
        {
            if (idColumn is not null) csv.Append(Quote(frame[idColumn].Format(i))).Append(',');
            csv.Append(Quote(saved.Labels.InverseTransform(predicted[i])));
            if (proba)
                for (int c = 0; c < p.GetLength(1); c++) csv.Append(',').Append(PlainDecimal.Format(p[i, c]));
            csv.Append('\n');
        }
        if (output is null) Console.Out.Write(csv.ToString());
        else OutputFile.Write("--output", output, full => AtomicFile.WriteAllText(full, csv.ToString()));
        return ExitCodes.Success;
    }

    /// <summary>RFC 4180: quote a field holding a comma, quote or line break; double the quotes inside.</summary>
    internal static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
