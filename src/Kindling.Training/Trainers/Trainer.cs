using System.Diagnostics;
using Kindling.Nn;
using Kindling.Nn.Utils;
using Kindling.Optim;
using Kindling.Optim.LrScheduler;
using Kindling.Training.Checkpoints;

namespace Kindling.Training;

/// <summary>The seed's training loop as a reusable trainer: zero_grad, forward, loss, backward, step, record —
/// with validation, callbacks, progress, cancellation, a NaN guard and checkpoints.</summary>
/// <remarks>
/// The model is run with <c>model.Call(x)</c> (hooks and train/eval mode apply). Full batch (the seed) or
/// mini-batches drawn as the seed program draws them (<c>torch.randperm(n)</c> per epoch from the default
/// generator), so the same seed gives PyTorch's losses.
/// </remarks>
public sealed partial class Trainer
{
    /// <summary>The model being trained.</summary>
    public Module Model { get; }
    /// <summary>The loss, e.g. <see cref="CrossEntropyLoss"/>.</summary>
    public Loss Criterion { get; }
    /// <summary>The optimizer over the model's parameters.</summary>
    public Optimizer Optimizer { get; }
    /// <summary>An optional learning-rate scheduler, stepped after each epoch (or batch, see <see cref="TrainerOptions.SchedulerPerBatch"/>).</summary>
    public ILRScheduler? Scheduler { get; init; }
    /// <summary>How to train.</summary>
    public TrainerOptions Options { get; }
    /// <summary>Callbacks, run in order; <see cref="EarlyStopping"/> is one.</summary>
    public List<TrainerCallback> Callbacks { get; } = [];
    /// <summary>Every epoch trained so far (a resumed run includes the epochs before the checkpoint).</summary>
    public History History { get; private set; } = new();
    /// <summary>Epochs completed so far.</summary>
    public int Epoch => History.Count;

    StopReason? stopReason;
    string? stopMessage;

    public Trainer(Module model, Loss criterion, Optimizer optimizer, TrainerOptions? options = null)
    {
        Model = model;
        Criterion = criterion;
        Optimizer = optimizer;
        Options = options ?? new TrainerOptions();
        if (Options.Epochs < 0) throw new ArgumentOutOfRangeException(nameof(options), Options.Epochs, "epochs must not be negative");
        if (Options.BatchSize < 0) throw new ArgumentOutOfRangeException(nameof(options), Options.BatchSize, "batch size must not be negative");
        if (Options.KeepCheckpoints < -1) throw new ArgumentOutOfRangeException(nameof(options), Options.KeepCheckpoints, "keep checkpoints must be -1 (all) or at least 0");
    }

    /// <summary>Asks the loop to stop at the end of the current step (used by callbacks).</summary>
    public void RequestStop(StopReason reason, string? message = null)
    {
        stopReason ??= reason;
        stopMessage ??= message;
    }

    /// <summary>Trains on (<paramref name="x"/>, <paramref name="y"/>) up to <see cref="TrainerOptions.Epochs"/>,
    /// evaluating on the validation set after each epoch when one is given.</summary>
    public TrainResult Fit(Tensor x, Tensor y, Tensor? xVal = null, Tensor? yVal = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancel = default)
    {
        if (x.Dim == 0 || x.Size(0) != y.Size(0))
            throw new ArgumentException($"x and y must have the same number of rows, got x {Shape(x)} and y {Shape(y)}");
        if ((xVal is null) != (yVal is null))
            throw new ArgumentException("give both xVal and yVal, or neither");
        stopReason = null;
        stopMessage = null;
        int n = x.Size(0);
        int batchSize = Options.BatchSize <= 0 || Options.BatchSize >= n ? n : Options.BatchSize;
        int steps = (n + batchSize - 1) / batchSize;
        var gatherer = batchSize == n ? null : new BatchGatherer(x, y);
        var clock = Stopwatch.StartNew();
        long[]? perm = gatherer is null ? null : new long[n];
        var lastFinite = StateDicts.Clone(Model.StateDict());
        double lastFiniteLoss = double.NaN;

        // Disposed on every way out: the checkpoints already queued are still written.
        var checkpointTime = TimeSpan.Zero;
        using var checkpoints = Options.CheckpointDirectory is null ? null : new CheckpointSaver(Options.CheckpointDirectory, Options.KeepCheckpoints);
        foreach (var callback in Callbacks) callback.OnTrainBegin(this);
        for (int epoch = Epoch + 1; epoch <= Options.Epochs && stopReason is null; epoch++)
        {
            var epochClock = Stopwatch.StartNew();
            double lr = Optimizer.ParamGroups[0].Lr;
            Model.Train();
            foreach (var callback in Callbacks) callback.OnEpochBegin(this, epoch);
            if (perm is not null) Torch.DefaultGenerator.RandPerm(perm);
            double total = 0;
            long correct = 0;
            bool labelled = y.DType == DType.Int64 && y.Dim == 1;
            for (int step = 1; step <= steps && stopReason is null; step++)
            {
                int start = (step - 1) * batchSize, count = Math.Min(batchSize, n - start);
                var (xb, yb) = gatherer is null ? (x, y) : gatherer.Gather(perm, start, count);
                foreach (var callback in Callbacks) callback.OnBatchBegin(this, epoch, step);

                double value;
                // The step's tensors are disposed at its end and their storage reused by the next step.
                using (Torch.NewDisposeScope())
                {
                    Optimizer.ZeroGradRecycling();   // the loop holds no gradient across steps: reuse their buffers
                    var predictions = Model.Call(xb);
                    var loss = Criterion.Call(predictions, yb);
                    value = loss.Item();
                    // Read-only: the step's own logits give the training accuracy, with no extra forward pass.
                    if (labelled && predictions.Dim == 2) correct += (long)(predictions.ArgMax(1) == yb).Sum().Item();
                    else labelled = false;
                    if (!double.IsFinite(value))
                    {
                        StopOnNonFinite(epoch, step, value, lastFiniteLoss, lastFinite);
                        break;
                    }
                    loss.Backward();
                    if (Options.ClipGradNorm is double maxNorm) ClipGrad.ClipGradNorm_(Model.Parameters(), maxNorm);
                    if (Options.ClipGradValue is double clip) ClipGrad.ClipGradValue_(Model.Parameters(), clip);
                    Optimizer.Step();
                }
                if (Options.SchedulerPerBatch && Scheduler is LRScheduler batchScheduler) batchScheduler.Step();

                total += value * count;
                lastFiniteLoss = value;
                foreach (var callback in Callbacks) callback.OnBatchEnd(this, epoch, step, value);
                progress?.Report(new TrainingProgress(epoch, Options.Epochs, step, steps, value, null));
                if (cancel.IsCancellationRequested) RequestStop(StopReason.Cancelled, $"cancelled during epoch {epoch}, after step {step}");
            }
            if (stopReason is StopReason.NonFiniteLoss or StopReason.Cancelled) break;

            double? valLoss = null, valAccuracy = null;
            if (xVal is not null) (valLoss, valAccuracy) = Evaluate(xVal, yVal!);
            if (valAccuracy is double.NaN) valAccuracy = null;   // a regression has no accuracy
            var record = new EpochRecord(epoch, total / n, valLoss, valAccuracy, lr, epochClock.Elapsed.TotalSeconds)
            {
                TrainAccuracy = labelled ? (double)correct / n : null,
            };
            History.Add(record);
            StepSchedulerAfterEpoch(record);
            StateDicts.CopyInto(lastFinite, Model.StateDict());   // reuses the snapshot's buffers
            foreach (var callback in Callbacks) callback.OnEpochEnd(this, record);
            progress?.Report(new TrainingProgress(epoch, Options.Epochs, steps, steps, record.TrainLoss, record));
            bool last = epoch == Options.Epochs || stopReason is not null;
            if (checkpoints is not null && (last || (Options.CheckpointEvery > 0 && epoch % Options.CheckpointEvery == 0)))
            {
                long started = Stopwatch.GetTimestamp();
                QueueCheckpoint(checkpoints, record);
                checkpointTime += Stopwatch.GetElapsedTime(started);
            }
        }
        if (checkpoints is not null)
        {
            long started = Stopwatch.GetTimestamp();
            checkpoints.Complete();   // when Fit returns, its checkpoints are on disk
            checkpointTime += Stopwatch.GetElapsedTime(started);
        }

        var reason = stopReason ?? StopReason.Completed;
        int? bestEpoch = null;
        var stopper = Callbacks.OfType<EarlyStopping>().FirstOrDefault();
        if (stopper is not null && reason is StopReason.EarlyStopped or StopReason.Cancelled && stopper.RestoreBest(Model))
            bestEpoch = stopper.BestEpoch;
        foreach (var callback in Callbacks) callback.OnTrainEnd(this, reason);
        return new TrainResult(History, reason, stopMessage, bestEpoch, clock.Elapsed.TotalSeconds) { CheckpointSeconds = checkpointTime.TotalSeconds };
    }

    /// <summary>Loss and accuracy of the model on a labelled set, in eval mode without gradients; the model's
    /// train/eval mode is left as it was. The accuracy is NaN when the targets are not class indices (a regression).</summary>
    public (double Loss, double Accuracy) Evaluate(Tensor x, Tensor y)
    {
        bool wasTraining = Model.Training;
        Model.Eval();
        try
        {
            using (Torch.NoGrad())
            using (Torch.NewDisposeScope())
            {
                var logits = Model.Call(x);
                double loss = Criterion.Call(logits, y).Item();
                double accuracy = y.DType == DType.Int64 ? (logits.ArgMax(1) == y).Float().Mean().Item() : double.NaN;
                return (loss, accuracy);
            }
        }
        finally
        {
            Model.Train(wasTraining);
        }
    }

    void StepSchedulerAfterEpoch(EpochRecord record)
    {
        switch (Scheduler)
        {
            case ReduceLROnPlateau plateau:
                plateau.Step(record.ValLoss ?? record.TrainLoss);
                break;
            case LRScheduler epochScheduler when !Options.SchedulerPerBatch:
                epochScheduler.Step();
                break;
        }
    }

    // The guard: stop before backward so this step changes nothing; if the weights themselves went bad, go back
    // to the last epoch boundary where they were finite.
    void StopOnNonFinite(int epoch, int step, double value, double lastFiniteLoss, OrderedDictionary<string, Tensor> lastFinite)
    {
        if (!StateDicts.AllFinite(Model.Parameters())) Model.LoadStateDict(lastFinite);
        string last = double.IsNaN(lastFiniteLoss) ? "no finite loss was seen" : $"the last finite loss was {lastFiniteLoss:G6}";
        RequestStop(StopReason.NonFiniteLoss,
            $"the loss became {value} at epoch {epoch}, step {step}; {last}. Training stopped with the model at its last finite state. " +
            "Try a lower learning rate (--lr) or standardised features (--standardize).");
    }

    static string Shape(Tensor t) => $"[{string.Join(", ", t.Shape)}]";

    internal static string CheckpointName(int epoch) => $"epoch-{epoch:D4}.safetensors";
}
