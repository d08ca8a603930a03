using Kindling.Data;

namespace Kindling.Cli.Commands;

/// <summary>Refuses, before any feature matrix is allocated, a training whose features would not fit in memory,
/// naming the widest column and the options that shrink it.</summary>
static class FeatureSizeCheck
{
    public static void Ensure(Preprocessor preprocessor, long rows, string? source, int maxCategories)
    {
        var size = preprocessor.MatrixSize(rows);
        if (size.Fits) return;
        string remedy = size.WidestColumn is { } column
            ? $"cap its features with --max-categories N (now {(maxCategories == 0 ? "no limit" : maxCategories)}) or --min-frequency N, or leave it out with --drop {column}"
            : "leave columns out with --drop, or use fewer rows";
        throw new UsageException($"{(source is null ? "" : source + ": ")}{size.Describe()}; {remedy}");
    }
}
