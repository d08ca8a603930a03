using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Kindling.Data;
using Kindling.Nn;
using Kindling.Optim;
using Kindling.Reports.Runs;
using Kindling.Training;
using Kindling.Training.Convergence;
using Kindling.Training.Metrics;
using Kindling.Training.Runs;
using Kindling.Training.Tasks;

namespace Kindling.Cli.Commands;

/// <summary>The whole job of <c>kindling train</c>, top to bottom like the seed: read, encode, split, preprocess,
/// seed and build the model, train, evaluate on the test rows, save the run folder, report.</summary>
static class TrainJob
{
    /// <summary>Runs the job with Ctrl+C (SIGINT) and SIGTERM turned into a cancellation: the trainer stops after
    /// the current step and the run folder is still written.</summary>
    public static int RunWithCtrlC(TrainSettings s)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            cancel.Cancel();
        });
        try
        {
            return Run(s, cancel.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    public static int Run(TrainSettings s, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var notes = new List<string>();
        if (s.Threads is int threads)
        {
            if (threads < 1) throw new UsageException($"--threads must be at least 1, got {threads}");
            Torch.SetNumThreads(threads);
        }
        if (s.Epochs < 1) throw new UsageException($"--epochs must be at least 1, got {s.Epochs}");
        if (s.BatchSize < 0) throw new UsageException($"--batch-size must be 0 (full batch) or positive, got {s.BatchSize}");
        // Written as !(in range) so that NaN fails too.
        if (!(s.Lr > 0) || !double.IsFinite(s.Lr)) throw new UsageException($"--lr must be a positive number, got {s.Lr}");
        if (!(s.WeightDecay >= 0) || !double.IsFinite(s.WeightDecay)) throw new UsageException($"--weight-decay must be a number ≥ 0, got {s.WeightDecay}");
        if (!(s.Dropout >= 0 && s.Dropout < 1)) throw new UsageException($"--dropout must be in [0, 1), got {s.Dropout}");
        if (s.CheckpointEvery < 0) throw new UsageException($"--checkpoint-every must be 0 (only at the end) or positive, got {s.CheckpointEvery}");
        if (s.KeepCheckpoints < -1) throw new UsageException($"--keep-checkpoints must be -1 (all), 0 (only the last) or positive, got {s.KeepCheckpoints}");
        if (s.SplitSeed < 0) throw new UsageException($"--split-seed must be a number ≥ 0 (scikit-learn's random_state), got {s.SplitSeed}");
        if (s.LogEvery is < 1) throw new UsageException($"--log-every must be at least 1 epoch, got {s.LogEvery}");
        if (s.EarlyStopping is < 1) throw new UsageException($"--early-stopping needs a patience of at least 1 epoch, got {s.EarlyStopping}");
        if (s.EarlyStopping is not null && ParseSize(s.ValSize, "--val-size", allowZero: true) is null) s = EarlyStoppingHoldOut.Apply(s);
        ThresholdOption.Check(s.Threshold, s.ValSize);
        var hidden = ParseHidden(s.Hidden);
        var output = RunDirectory.Reserve(s.Out);
        try
        {
            return Run(s, output, hidden, notes, clock, cancel);
        }
        catch (Exception e) when (DiskFull.Is(e))
        {
            throw output.KeepAfterDiskFull(e);
        }
        catch (OperationCanceledException e) when (cancel.IsCancellationRequested)
        {
            // Stopped while reading, preparing, before an epoch completed, or while saving: nothing that looks like
            // a result may appear under the final name.
            output.Abandon();
            bool saving = e.Message.StartsWith("interrupted while writing", StringComparison.Ordinal);
            Console.Error.WriteLine($"kindling: cancelled {(saving ? "while writing the run folder" : "before an epoch completed")}; no run folder was saved");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is not RunKeptException)
        {
            output.Abandon();
            throw;
        }
    }

    static int Run(TrainSettings s, RunDirectory output, int[] hidden, List<string> notes, Stopwatch clock, CancellationToken cancel)
    {
        var (data, regression) = Prepare(s, notes, cancel);
        // Data preparation is over and its frame unreachable (it lived only in Prepare, whose frame slots are gone even
        // in tier-0 code): collect its float64 columns (80 MB for 200,000 × 50) and the fit's buffers once, and hand
        // the memory back, so training and evaluation start from the float32 tensors alone.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        if (regression is not null) return RegressionJob.Run(s, output, hidden, notes, clock, cancel, regression);
        var (target, labels, preprocessor, xTrain, yTrain, xVal, yVal, xTest, yTest, scaleHint, dataInfo, nTrain, nVal, nTest) = data!;
        ResumeFile.Write(output.Staging, s, target, labels, preprocessor, dataInfo);
        ThresholdOption.CheckClasses(s.Threshold, labels.Count, target);

        // The model, seeded as the seed: manual_seed, then reset_parameters on every module.
        var spec = new MlpSpec(preprocessor.FeatureCount, hidden, s.Activation, s.Dropout, labels.Count);
        CheckSize(spec);
        var model = spec.Build();
        Torch.ManualSeed(s.Seed);
        model.Apply(m => m.ResetParameters());
        var criterion = new CrossEntropyLoss(weight: s.ClassWeight == "balanced" ? BalancedWeights(yTrain, labels) : null);
        var trainer = CreateTrainer(s, model, criterion, output);
        if (s.Resume is { } resume) notes.Add(resume.Restore(trainer));

        // Train.
        cancel.ThrowIfCancellationRequested();
        var result = TrainProgress.Run(trainer, xTrain, yTrain, xVal, yVal, interactive: !s.Json, cancel, s.LogEvery);
        if (result.Reason == StopReason.Cancelled && result.History.Count == 0) throw new OperationCanceledException(cancel);
        if (result.Message is not null) notes.Add(result.Message);

        // Evaluate on the test rows, as the next chapter does: eval mode, no gradients.
        double threshold = ThresholdOption.Resolve(s.Threshold, labels.Count, target, model, xVal, yVal, notes);
        var report = Evaluation.Report(model, xTest, yTest, labels, threshold);
        var convergence = ConvergenceDetector.Detect(result.History.TrainLoss, result.History.ValLoss);

        // Save the run folder, then move it into place in one step.
        var saved = new SavedModel(spec, model, preprocessor, labels, target, TrainingOptions(s, result), dataInfo) { TaskReason = data.Task?.Reason, Threshold = threshold };
        s.Resume?.Annotate(saved.Training);
        // A signal during training already stopped it and the run is saved; one that arrives while the files are
        // written stops the writing, and the staging folder is removed rather than moved into place half-written.
        RunFiles.Write(output.Staging, saved, result, report, convergence,
            finalDirectory: output.Final);
        output.Commit();

        var summary = new TrainSummary(s, spec, saved, result, report, convergence, output.Final, notes, scaleHint,
            nTrain, nVal, nTest, clock.Elapsed.TotalSeconds)
        { Task = data.Task };
        if (s.Json) TrainReport.WriteJson(summary);
        else TrainReport.WriteTable(summary);
        return Outcome(result, cancel);
    }

    /// <summary>The exit code of a finished run: 2 after a non-finite loss (the run folder holds the last finite
    /// state). A signal that arrives while the (bounded, sub-second) run folder is being
    /// written lets the save complete — a finished model is not thrown away — and still exits 130, as a cancelled run.</summary>
    internal static int Outcome(TrainResult result, CancellationToken cancel)
    {
        if (result.Reason == StopReason.NonFiniteLoss)
        {
            // The run folder is kept (the model at its last finite state), but the job did not succeed.
            Console.Error.WriteLine($"kindling: error: {result.Message}");
            return ExitCodes.BadInput;
        }
        if (cancel.IsCancellationRequested && result.Reason != StopReason.Cancelled)
            Console.Error.WriteLine("kindling: cancelled while saving; the run folder was completed first");
        return result.Reason == StopReason.Cancelled || cancel.IsCancellationRequested ? ExitCodes.Cancelled : ExitCodes.Success;
    }

    /// <summary>The optimizer and the trainer (checkpoints, early stopping) every task trains with.</summary>
    internal static Trainer CreateTrainer(TrainSettings s, Sequential model, Loss criterion, RunDirectory output)
    {
        Optimizer optimizer = s.Optimizer switch
        {
            "adamw" => new AdamW(model.Parameters(), lr: s.Lr, weightDecay: s.WeightDecay),
            "sgd" => new SGD(model.Parameters(), lr: s.Lr, weightDecay: s.WeightDecay),
            _ => new Adam(model.Parameters(), lr: s.Lr, weightDecay: s.WeightDecay),
        };
        var trainer = new Trainer(model, criterion, optimizer, new TrainerOptions
        {
            Epochs = s.Epochs,
            BatchSize = s.BatchSize,
            CheckpointDirectory = Path.Combine(output.Staging, "checkpoints"),
            CheckpointEvery = s.CheckpointEvery,
            KeepCheckpoints = s.KeepCheckpoints,
        });
        if (s.EarlyStopping is int patience) trainer.Callbacks.Add(new EarlyStopping(patience));
        return trainer;
    }

    // Read, encode, split and preprocess: everything that needs the frame, which dies when this returns.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    static (TrainData? Classification, RegressionData? Regression) Prepare(TrainSettings s, List<string> notes, CancellationToken cancel)
    {
        // Read the data; the seed's target and dropped Id are defaults for the embedded WineQT only.
        var frame = DataSource.Read(s.Data, s.NoHeader, s.Categorical, s.Numeric, cancel: cancel);
        cancel.ThrowIfCancellationRequested();
        bool embedded = DataSource.IsEmbedded(s.Data);
        string target = s.Target ?? (embedded ? "quality" : throw new UsageException(
            $"--target is required for {s.Data}: name the column to predict; its columns are: {string.Join(", ", frame.ColumnNames)}"));
        Columns.Require(frame, target, "--target");
        var drop = s.Drop is null ? (embedded ? ["Id"] : []) : Lists.Split(s.Drop);
        foreach (var name in drop) Columns.Require(frame, name, "--drop");
        if (drop.Contains(target)) throw new UsageException($"--drop: '{target}' is the target column");
        drop = TextColumnWarnings.LeaveOut(frame, target, drop, s.Categorical, notes);
        frame = DropMissingTargets(frame, target, notes);
        var task = TaskSettings.Choose(frame, target, s, notes);
        if (task.Kind == TaskKind.Regression) return (null, RegressionData.Prepare(frame, target, drop, task, s, notes));

        // Encode the target as the seed does (np.unique → 0..C−1) and split as train_test_split(random_state).
        var labels = s.Resume?.Labels ?? LabelEncoder.FitTarget(frame, target);   // a resumed run keeps its classes
        TargetChecks.Warn(frame, target, labels, drop, notes);
        long[] y = labels.Transform(frame, target);
        var (trainRows, valRows, testRows) = Split(y.Length, s.Stratify ? y : null, s, notes);
        // The data layer's check, on the user's own labels (5, not class index 2).
        var original = Array.ConvertAll(y, v => labels.InverseTransform((int)v));
        foreach (var warning in DataSplit.WarningsFor(original, trainRows)) notes.Add($"warning: {warning}; consider --stratify");

        var (preprocessor, xTrain, xVal, xTest, scaleHint) = Features(frame, target, drop, trainRows, valRows, testRows, s, notes);
        var yTrain = Rows(y, trainRows);
        Tensor? yVal = valRows.Length > 0 ? Rows(y, valRows) : null;
        var yTest = Rows(y, testRows);
        var info = DataInfo(s, frame, trainRows, valRows, testRows);
        // For report.html: the schema and a constant model's scores, which the frame takes with it.
        info["columns"] = RunFacts.Columns(frame);
        info["train_row_sample"] = TrainingRowSample.Create(frame, preprocessor, target, trainRows);
        info["baseline"] = RunFacts.MostFrequentBaseline(y, trainRows, testRows, labels.Classes);
        return (new TrainData(target, labels, preprocessor, xTrain, yTrain, xVal, yVal, xTest, yTest, scaleHint,
            info, trainRows.Length, valRows.Length, testRows.Length)
        { Task = task }, null);
    }

    /// <summary>The feature pipeline, fitted on the training rows only, and the three feature tensors.</summary>
    internal static (Preprocessor Preprocessor, Tensor XTrain, Tensor? XVal, Tensor XTest, string? ScaleHint) Features(Frame frame, string target,
        IReadOnlyList<string> drop, int[] trainRows, int[] valRows, int[] testRows, TrainSettings s, List<string> notes)
    {
        // Features: fitted on the training rows only (a resumed run keeps the fit of its first part).
        var preprocessor = s.Resume?.Preprocessor ?? Preprocessor.Fit(frame, new PreprocessorOptions
        {
            Target = target,
            Drop = drop,
            Impute = ParseImpute(s.Impute),
            Scaler = s.Standardize ? ScalerKind.Standard : ScalerKind.None,
            MaxCategories = s.MaxCategories == 0 ? null : s.MaxCategories,
            MinFrequency = s.MinFrequency,
        }, trainRows);
        Describe(preprocessor, frame, s, notes);
        FeatureSizeCheck.Ensure(preprocessor, frame.RowCount, frame.Source, s.MaxCategories);
        var features = preprocessor.Transform(frame, trainRows);
        var xTrain = features.ToTensor();
        Tensor? xVal = valRows.Length > 0 ? preprocessor.Transform(frame, valRows).ToTensor() : null;
        var xTest = preprocessor.Transform(frame, testRows).ToTensor();
        string? scaleHint = s.Standardize ? null : ScaleHint.Check(features);
        return (preprocessor, xTrain, xVal, xTest, scaleHint);
    }

    static Tensor BalancedWeights(Tensor yTrain, LabelEncoder labels)
    {
        long[] y = yTrain.ToArray<long>();
        var absent = Enumerable.Range(0, labels.Count).Where(c => !y.Contains(c)).Select(labels.InverseTransform).ToList();
        if (absent.Count > 0)
            throw new UsageException($"--class-weight balanced: class(es) {string.Join(", ", absent)} have no training rows, so their weight would be infinite; use --stratify or a smaller --test-size");
        return Torch.Tensor(ClassWeights.Balanced(y, labels.Count));
    }

    static int[] ParseHidden(string hidden)
    {
        var sizes = new List<int>();
        foreach (var part in Lists.Split(hidden))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int h) || h < 1)
                throw new UsageException($"--hidden: '{part}' is not a positive layer size (expected e.g. 64,32, or '' for none)");
            sizes.Add(h);
        }
        return [.. sizes];
    }

    /// <summary>The bound model loading enforces (<see cref="MlpSpec.MaxParameters"/>), so every run saves a model that loads.</summary>
    internal static void CheckSize(MlpSpec spec)
    {
        long parameters = spec.ParameterCount();
        if (parameters > MlpSpec.MaxParameters)
            throw new UsageException($"--hidden {string.Join(",", spec.Hidden)} with {spec.Inputs} input features makes a model of {parameters.ToString("N0", CultureInfo.InvariantCulture)} parameters; Kindling builds at most {MlpSpec.MaxParameters.ToString("N0", CultureInfo.InvariantCulture)} — use narrower layers");
    }

    static ImputeStrategy ParseImpute(string? impute) => impute switch
    {
        null or "median" => ImputeStrategy.Median,
        "mean" => ImputeStrategy.Mean,
        "most_frequent" => ImputeStrategy.MostFrequent,
        "constant" => ImputeStrategy.Constant,
        _ => throw new UsageException($"--impute: unknown strategy '{impute}'"),
    };

    static Frame DropMissingTargets(Frame frame, string target, List<string> notes)
    {
        var column = frame[target];
        if (column.MissingCount == 0) return frame;   // the usual case, without a row-index array
        var keep = Enumerable.Range(0, frame.RowCount).Where(r => !column.IsMissing(r)).ToArray();
        if (keep.Length == frame.RowCount) return frame;
        int dropped = frame.RowCount - keep.Length;
        notes.Add($"warning: dropped {dropped} row(s) whose target '{target}' is missing");
        if (keep.Length == 0) throw new DataException($"every row's target '{target}' is missing", frame.Source, column: target);
        return frame.Take(keep);
    }

    /// <summary>train_test_split(test_size, random_state), then the validation rows from the training part;
    /// stratified by <paramref name="stratifyBy"/> when it is given.</summary>
    internal static (int[] Train, int[] Val, int[] Test) Split(int rows, long[]? stratifyBy, TrainSettings s, List<string> notes)
    {
        var testSize = ParseSize(s.TestSize, "--test-size", allowZero: false)!.Value;
        var (train, test) = SplitOnce(stratifyBy, Enumerable.Range(0, rows).ToArray(), testSize, s, "--test-size");
        int[] val = [];
        if (ParseSize(s.ValSize, "--val-size", allowZero: true) is SplitSize valSize)
        {
            int training = train.Length;
            try
            {
                (train, val) = SplitOnce(stratifyBy, train, valSize, s, "--val-size");
            }
            catch (UsageException e) when (s.AutoValSize)
            {
                throw EarlyStoppingHoldOut.Refusal(training, e);
            }
            if (s.AutoValSize) notes.Add(EarlyStoppingHoldOut.Note(val.Length, training, s.Stratify));
        }
        return (train, val, test);
    }

    static (int[] Train, int[] Held) SplitOnce(long[]? y, int[] rows, SplitSize size, TrainSettings s, string option)
    {
        try
        {
            var (a, b) = y is not null
                ? ModelSelection.TrainTestSplit(rows.Select(r => y[r]).ToArray(), testSize: size, randomState: s.SplitSeed)
                : ModelSelection.TrainTestSplit(rows.Length, testSize: size, randomState: s.SplitSeed);
            return (a.Select(i => rows[i]).ToArray(), b.Select(i => rows[i]).ToArray());
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"{option}: {e.Message}");
        }
    }

    /// <summary>scikit-learn's convention: an integer is a row count, a number with a fraction part a fraction.</summary>
    static SplitSize? ParseSize(string text, string option, bool allowZero)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int count))
            return count == 0 && allowZero ? null : count > 0 ? SplitSize.FromCount(count)
                : throw new UsageException($"{option} must be a fraction in (0, 1) or a positive row count, got {text}");
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double fraction) && fraction > 0 && fraction < 1)
            return SplitSize.FromFraction(fraction);
        if (allowZero && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double zero) && zero == 0) return null;
        throw new UsageException($"{option} must be a fraction in (0, 1) or a positive row count, got '{text}'");
    }

    static Tensor Rows(long[] y, int[] rows) => Torch.Tensor(rows.Select(r => y[r]).ToArray());

    static void Describe(Preprocessor p, Frame frame, TrainSettings s, List<string> notes)
    {
        if (p.CategoricalColumns.Count > 0)
            notes.Add($"one-hot encoded {p.CategoricalColumns.Count} categorical column(s): {string.Join(", ", p.CategoricalColumns)}");
        if (CategoryOptions.GroupedNote(p, s) is { } grouped) notes.Add(grouped);
        if (ImputedNote(p, frame, s.Impute) is { } imputed) notes.Add(imputed);
        if (s.Standardize) notes.Add("standardised numeric features (mean and std of the training rows)");
    }

    /// <summary>"imputed missing values: median in 'pH', 'alcohol'; most frequent in 'sex'": the strategy each imputed
    /// column got (text columns take the most frequent label, or sklearn's constant, whatever --impute says).</summary>
    internal static string? ImputedNote(Preprocessor p, Frame frame, string? impute)
    {
        string numeric = (impute ?? "median").Replace('_', ' ');
        string text = impute == "constant" ? $"the constant '{CategoricalImputer.DefaultFill}'" : "most frequent";
        var groups = p.NumericColumns.Where(c => frame[c].MissingCount > 0).Select(c => (Strategy: numeric, Column: c))
            .Concat(p.CategoricalColumns.Where(c => frame[c].MissingCount > 0).Select(c => (Strategy: text, Column: c)))
            .GroupBy(g => g.Strategy)
            .Select(g => $"{g.Key} in {string.Join(", ", g.Select(x => $"'{x.Column}'"))}")
            .ToList();
        return groups.Count == 0 ? null : $"imputed missing values: {string.Join("; ", groups)}";
    }

    internal static JsonObject TrainingOptions(TrainSettings s, TrainResult result) => new()
    {
        ["epochs"] = s.Epochs,
        ["epochs_trained"] = result.History.Count,
        ["stop_reason"] = result.Reason.ToString(),
        ["batch_size"] = s.BatchSize,
        ["optimizer"] = s.Optimizer,
        ["lr"] = s.Lr,
        ["weight_decay"] = s.WeightDecay,
        ["loss"] = "cross_entropy",
        ["class_weight"] = s.ClassWeight,
        ["early_stopping_patience"] = s.EarlyStopping,
        ["seed"] = s.Seed,
        ["split_seed"] = s.SplitSeed,
        ["test_size"] = s.TestSize,
        ["val_size"] = s.ValSize,
        ["val_size_auto"] = s.AutoValSize,
        ["stratify"] = s.Stratify,
        ["standardize"] = s.Standardize,
    };

    internal static JsonObject DataInfo(TrainSettings s, Frame frame, int[] train, int[] val, int[] test) => new()
    {
        ["path"] = DataSource.PathOf(s.Data),
        ["sha256"] = DataSource.Sha256(s.Data),
        ["rows"] = frame.RowCount,
        ["train_rows"] = train.Length,
        ["val_rows"] = val.Length,
        ["test_rows"] = test.Length,
    };
}
