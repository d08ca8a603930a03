namespace Kindling.Training.Metrics;

/// <summary>Precision, recall and F-score combined over labels by one <see cref="Average"/> rule.</summary>
/// <param name="Precision">Averaged precision.</param>
/// <param name="Recall">Averaged recall.</param>
/// <param name="FScore">Averaged F-score (F1 unless another β was asked for).</param>
public sealed record AveragedScores(double Precision, double Recall, double FScore);
