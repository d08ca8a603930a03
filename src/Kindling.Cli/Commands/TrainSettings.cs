namespace Kindling.Cli.Commands;

/// <summary>Everything <c>kindling train</c> was asked to do; defaults are the seed's run.</summary>
sealed record TrainSettings
{
    public string Data { get; init; } = "wineqt";
    public string? Target { get; init; }
    /// <summary>Null: the default (Id for the embedded WineQT, nothing for a user's file).</summary>
    public string? Drop { get; init; }
    public string Hidden { get; init; } = "16,16";
    public string Activation { get; init; } = "relu";
    public double Dropout { get; init; }
    public int Epochs { get; init; } = 100;
    /// <summary>0 means full batch, as in the seed.</summary>
    public int BatchSize { get; init; }
    public string Optimizer { get; init; } = "adam";
    public double Lr { get; init; } = 0.01;
    public double WeightDecay { get; init; }
    public string TestSize { get; init; } = "0.2";
    public string ValSize { get; init; } = "0";
    public bool Stratify { get; init; }
    public bool Standardize { get; init; }
    public string? ClassWeight { get; init; }
    public int? EarlyStopping { get; init; }
    public long Seed { get; init; } = 42;
    public int SplitSeed { get; init; } = 42;
    public int? Threads { get; init; }
    public bool NoHeader { get; init; }
    public string? Out { get; init; }
    public bool Json { get; init; }
    public string? Impute { get; init; }
    public string? Categorical { get; init; }
    public string? Numeric { get; init; }
    /// <summary>One-hot features per categorical column at most, the infrequent group included; 0: no limit.</summary>
    public int MaxCategories { get; init; } = DefaultMaxCategories;
    /// <summary>OneHotEncoder's min_frequency: a count (≥ 1) or a fraction of the training rows; null: none.</summary>
    public double? MinFrequency { get; init; }

    /// <summary>The default --max-categories: every column scikit-learn's default encoder would encode into at most
    /// 100 features is encoded exactly as it would; a wider one keeps its 99 most frequent categories and groups the
    /// rest, so no single column can make the feature matrix larger than 100 floats a row.</summary>
    public const int DefaultMaxCategories = 100;
    public int CheckpointEvery { get; init; } = 10;
    /// <summary>Best checkpoints kept besides the last; -1 keeps all.</summary>
    public int KeepCheckpoints { get; init; } = 1;
}
