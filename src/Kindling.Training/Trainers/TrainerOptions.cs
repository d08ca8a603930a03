namespace Kindling.Training;

/// <summary>How <see cref="Trainer.Fit"/> trains. Defaults are the seed's: 100 full-batch epochs.</summary>
public sealed record TrainerOptions
{
    /// <summary>Total epochs (a resumed run continues up to this number).</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>Rows per optimisation step; 0 or at least the row count trains on the full batch, as the seed.</summary>
    /// <remarks>Mini-batches follow the seed program: <c>torch.randperm(n)</c> from the default generator at each
    /// epoch, then consecutive slices of it; the last batch may be smaller.</remarks>
    public int BatchSize { get; init; }

    /// <summary>If set, <c>clip_grad_norm_(parameters, max_norm)</c> after each backward.</summary>
    public double? ClipGradNorm { get; init; }

    /// <summary>If set, <c>clip_grad_value_(parameters, clip_value)</c> after each backward.</summary>
    public double? ClipGradValue { get; init; }

    /// <summary>Step the learning-rate scheduler after every batch (OneCycleLR) instead of every epoch.</summary>
    public bool SchedulerPerBatch { get; init; }

    /// <summary>Folder for checkpoints; null writes none.</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>Write a checkpoint every this many epochs (and always after the last); 0: only after the last.</summary>
    public int CheckpointEvery { get; init; }

    /// <summary>How many checkpoints to keep besides the last: those with the lowest validation loss, or training
    /// loss without a validation set (PyTorch Lightning's <c>save_top_k</c>); 0 keeps only the last, -1 every one.</summary>
    /// <remarks>Checkpoints are named <c>epoch-NNNN.safetensors</c>; the history they resume with is in
    /// <c>history.jsonl</c> beside them.</remarks>
    public int KeepCheckpoints { get; init; } = 1;
}
