using System.Globalization;

namespace Kindling.Training.Metrics;

/// <summary>
/// The bounded output policy for many classes. Past <see cref="Threshold"/> classes a per-class table or a C×C
/// matrix can no longer be read, and it grows with C² (1,000 classes gave a 9 MB metrics.json and a 286 MB SVG),
/// so reports keep only the classes that need attention: the most confused ones for the matrix, the lowest F1
/// for the per-class rows. Accuracy and the macro/weighted/micro averages still cover every class.
/// </summary>
public static class ManyClasses
{
    /// <summary>Most classes shown in full; also how many are kept past it.</summary>
    public const int Threshold = 50;

    /// <summary>Most per-class notes kept in a bounded report (each ill-defined class adds one).</summary>
    public const int MaxNotes = 20;

    /// <summary>The <paramref name="k"/> classes with the most off-diagonal counts (rows mistaken for others plus
    /// others mistaken for them), ties broken by the lower label; returned in label order.</summary>
    public static int[] MostConfused(int[][] matrix, int k)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int c = matrix.Length;
        var confused = new long[c];
        for (int i = 0; i < c; i++)
        {
            for (int j = 0; j < c; j++)
            {
                if (i != j)
                {
                    confused[i] += matrix[i][j];
                    confused[j] += matrix[i][j];
                }
            }
        }

        return [.. Enumerable.Range(0, c).OrderByDescending(i => confused[i]).ThenBy(i => i).Take(k).Order()];
    }

    /// <summary>The rows and columns <paramref name="labels"/> of <paramref name="matrix"/>.</summary>
    public static int[][] SubMatrix(int[][] matrix, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(labels);
        return [.. labels.Select(i => labels.Select(j => matrix[i][j]).ToArray())];
    }

    /// <summary>The report itself up to <see cref="Threshold"/> classes; past it, per_class keeps the
    /// <see cref="Threshold"/> rows with the lowest F1 (then the larger support), the confusion matrix the
    /// <see cref="Threshold"/> most confused classes (named by <see cref="ClassificationReport.ConfusionMatrixLabels"/>),
    /// and the notes their first <see cref="MaxNotes"/>, with a note saying so.</summary>
    public static ClassificationReport Bound(ClassificationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.NumClasses <= Threshold || report.ConfusionMatrixLabels is not null)
        {
            return report;
        }

        int[] keep = MostConfused(report.ConfusionMatrix, Threshold);
        var notes = report.Notes.Take(MaxNotes).ToList();
        if (report.Notes.Length > MaxNotes)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"... and {report.Notes.Length - MaxNotes} more notes like these."));
        }

        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"{report.NumClasses} classes is more than {Threshold}: per_class lists the {Threshold} classes with the lowest F1, confusion_matrix the {Threshold} most confused (their labels in confusion_matrix_labels); the averages cover all classes."));
        return report with
        {
            PerClass = [.. report.PerClass.OrderBy(r => r.F1).ThenByDescending(r => r.Support).ThenBy(r => r.Label).Take(Threshold)],
            ConfusionMatrix = SubMatrix(report.ConfusionMatrix, keep),
            ConfusionMatrixLabels = keep,
            Notes = [.. notes],
        };
    }
}
