namespace Kindling.Training;

/// <summary>Class weights for an imbalanced target, as scikit-learn's <c>compute_class_weight</c>.</summary>
public static class ClassWeights
{
    /// <summary>"balanced": <c>n_samples / (n_classes · count(c))</c> for each class c in 0..numClasses−1.</summary>
    /// <exception cref="ArgumentException">A class has no sample (its weight would be infinite).</exception>
    public static float[] Balanced(ReadOnlySpan<long> labels, int numClasses)
    {
        var counts = new long[numClasses];
        foreach (long label in labels)
        {
            if (label < 0 || label >= numClasses)
                throw new ArgumentOutOfRangeException(nameof(labels), label, $"label outside 0..{numClasses - 1}");
            counts[label]++;
        }
        var weights = new float[numClasses];
        for (int c = 0; c < numClasses; c++)
        {
            if (counts[c] == 0)
                throw new ArgumentException($"class {c} has no training sample, so a balanced weight cannot be computed", nameof(labels));
            weights[c] = (float)(labels.Length / ((double)numClasses * counts[c]));
        }
        return weights;
    }
}
