namespace SeedTraining;

/// <summary>How to run the seed: its defaults, plus seed_program.py's mini-batch and DataLoader variants.</summary>
internal sealed record SeedOptions
{
    /// <summary>The CSV to read; null reads the repository's data/WineQT.csv, else the embedded copy.</summary>
    public string? DataPath { get; init; }

    /// <summary>Training epochs; the seed runs 100.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>0 trains on the whole training set each epoch, as the seed; N &gt; 0 takes batches of N
    /// from <c>torch.randperm(n)</c> per epoch, as <c>seed_program.py --batch-size N</c>.</summary>
    public int BatchSize { get; init; }

    /// <summary>Feeds the batches from <c>DataLoader(TensorDataset(X_train, y_train), BatchSize, shuffle: true)</c>
    /// instead of randperm slices (needs <see cref="BatchSize"/> &gt; 0).</summary>
    public bool UseDataLoader { get; init; }

    /// <summary>Where to save the loss curve (.png or .svg); null saves nothing.</summary>
    public string? PlotPath { get; init; }
}
