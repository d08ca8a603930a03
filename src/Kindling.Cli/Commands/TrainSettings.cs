using System.Text.Json.Serialization;

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
    /// <summary>True when <see cref="ValSize"/> was chosen for early stopping, not given (<see cref="EarlyStoppingHoldOut"/>).</summary>
    public bool AutoValSize { get; init; }
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
    /// <summary>auto, classification or regression.</summary>
    public string Task { get; init; } = "auto";
    /// <summary>A regression's loss (mse, huber, l1); null: mse.</summary>
    public string? Loss { get; init; }
    /// <summary>A regression target's scaling (standard, none); null: standard.</summary>
    public string? TargetScaling { get; init; }

    // --resume: how this invocation continues a run, not part of the settings saved with it (see ResumeRun).
    [JsonIgnore] public string? ResumeFrom { get; init; }
    [JsonIgnore] public bool AllowChangedData { get; init; }
    [JsonIgnore] public ResumePoint? Resume { get; init; }
    /// <summary>Keep a progress line on screen every N epochs; null: a tenth of the run when piped, none on a terminal.</summary>
    public int? LogEvery { get; init; }
    /// <summary>Two classes: a number in [0, 1] or "auto"; null is the default 0.5 (argmax).</summary>
    public string? Threshold { get; init; }
}
