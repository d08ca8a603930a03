namespace Kindling.Training.Metrics;

/// <summary>An ROC curve as scikit-learn 1.2's <c>roc_curve</c> returns it (drop_intermediate=True): rates rise
/// from (0, 0); threshold i is the lowest score called positive at point i, the first one max(score) + 1.</summary>
/// <param name="Fpr">False positive rates.</param>
/// <param name="Tpr">True positive rates.</param>
/// <param name="Thresholds">Decreasing score thresholds.</param>
public sealed record RocPoints(double[] Fpr, double[] Tpr, double[] Thresholds);

/// <summary>A precision-recall curve as scikit-learn 1.2's <c>precision_recall_curve</c> returns it: one point per
/// distinct score in increasing order, then the end point (precision 1, recall 0) with no threshold.</summary>
/// <param name="Precision">Precision at each threshold, then 1.</param>
/// <param name="Recall">Recall at each threshold (decreasing), then 0.</param>
/// <param name="Thresholds">Increasing distinct scores, one fewer than the points.</param>
public sealed record PrecisionRecallPoints(double[] Precision, double[] Recall, double[] Thresholds);

/// <summary>The decision threshold with the highest F1 on some rows.</summary>
/// <param name="Threshold">Scores ≥ this are called positive.</param>
/// <param name="F1">The F1 of the positive class at that threshold.</param>
public sealed record ThresholdChoice(double Threshold, double F1);

/// <summary>Both curves of a two-class evaluation, with their areas.</summary>
/// <param name="Roc">The ROC curve.</param>
/// <param name="RocAuc">Its area (roc_auc_score).</param>
/// <param name="PrecisionRecall">The precision-recall curve.</param>
/// <param name="AveragePrecision">average_precision_score.</param>
public sealed record BinaryCurves(RocPoints Roc, double RocAuc, PrecisionRecallPoints PrecisionRecall, double AveragePrecision);
