using System.CommandLine;

namespace Kindling.Cli.Commands;

/// <summary><c>kindling train</c>: the seed's whole job (read, split, train, evaluate, save) on any CSV.</summary>
static class TrainCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data(required: false);
        data.DefaultValueFactory = _ => "wineqt";
        var target = new Option<string?>("--target") { Description = "The column to predict (default for wineqt: quality; required for other files)." };
        var drop = new Option<string?>("--drop") { Description = "Comma-separated columns to ignore (default for wineqt: Id; '' for none)." };
        var hidden = new Option<string>("--hidden") { Description = "Hidden layer sizes, e.g. 64,32; '' for none (logistic regression).", DefaultValueFactory = _ => "16,16" };
        var activation = new Option<string>("--activation") { Description = "Hidden activation.", DefaultValueFactory = _ => "relu" };
        activation.AcceptOnlyFromAmong("relu", "leaky_relu", "tanh", "sigmoid", "gelu");
        var dropout = new Option<double>("--dropout") { Description = "Dropout probability after each hidden activation." };
        var epochs = new Option<int>("--epochs") { Description = "Number of epochs (with --resume: the total to reach).", DefaultValueFactory = _ => 100 };
        var batchSize = new Option<int>("--batch-size") { Description = "Mini-batch size; 0 trains on the full batch, as the seed does." };
        var optimizer = new Option<string>("--optimizer") { Description = "Optimizer.", DefaultValueFactory = _ => "adam" };
        optimizer.AcceptOnlyFromAmong("adam", "adamw", "sgd");
        var lr = new Option<double>("--lr") { Description = "Learning rate.", DefaultValueFactory = _ => 0.01 };
        var weightDecay = new Option<double>("--weight-decay") { Description = "Weight decay (L2 penalty; decoupled for adamw)." };
        var testSize = new Option<string>("--test-size") { Description = "Test rows: a fraction (0.2) or a count (200).", DefaultValueFactory = _ => "0.2" };
        var valSize = new Option<string>("--val-size") { Description = "Validation rows taken from the training part: a fraction or a count; 0 for none.", DefaultValueFactory = _ => "0" };
        var stratify = new Option<bool>("--stratify") { Description = "Keep class proportions in every split." };
        var standardize = new Option<bool>("--standardize") { Description = "Standardise numeric features (fitted on training rows)." };
        var classWeight = new Option<string?>("--class-weight") { Description = "'balanced' weighs classes inversely to their frequency (as scikit-learn)." };
        classWeight.AcceptOnlyFromAmong("balanced");
        var earlyStopping = new Option<int?>("--early-stopping") { Description = "Stop after PATIENCE epochs without improvement and keep the best weights.", HelpName = "PATIENCE" };
        var seed = new Option<long>("--seed") { Description = "torch.manual_seed for the initial weights and shuffles.", DefaultValueFactory = _ => 42 };
        var splitSeed = new Option<int>("--split-seed") { Description = "random_state of the train/test split.", DefaultValueFactory = _ => 42 };
        var threads = new Option<int?>("--threads") { Description = "Threads for matrix products (default: all cores)." };
        var noHeader = CommonOptions.NoHeader();
        var output = new Option<string?>("--out") { Description = "Run folder to create (default runs/<timestamp>); an existing folder is never overwritten." };
        var json = CommonOptions.Json();
        var impute = new Option<string?>("--impute") { Description = "Missing numeric values: median (default), mean, most_frequent or constant." };
        impute.AcceptOnlyFromAmong("median", "mean", "most_frequent", "constant");
        var categorical = new Option<string?>("--categorical") { Description = "Comma-separated columns to treat as categories (one-hot encoded)." };
        var numeric = new Option<string?>("--numeric") { Description = "Comma-separated columns to treat as numbers." };
        var (maxCategories, minFrequency) = CategoryOptions.Create();
        var checkpointEvery = new Option<int>("--checkpoint-every") { Description = "Write a checkpoint every N epochs (and at the end); 0 for only the end.", DefaultValueFactory = _ => 10 };
        var keepCheckpoints = new Option<int>("--keep-checkpoints")
        {
            Description = "Checkpoints kept besides the last: the N with the lowest validation loss (training loss without --val-size), as Lightning's save_top_k; 0 keeps only the last, -1 all.",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
        };
        var resume = new Option<string?>("--resume") { Description = "Continue RUN (a run folder, or a killed run's staging folder) from its last checkpoint to --epochs in all, into a new run folder.", HelpName = "RUN" };
        var allowChangedData = new Option<bool>("--allow-changed-data") { Description = "With --resume: continue even though the data file's contents changed." };
        var threshold = new Option<string?>("--threshold")
        {
            Description = "Two classes: predict the second class when its probability is at least this (default 0.5, the argmax); 'auto' picks the F1-best threshold on the validation rows (needs --val-size).",
            HelpName = "P|auto",
        };

        var logEvery = new Option<int?>("--log-every") { Description = "Keep a progress line on screen every N epochs (default: a tenth of the run when piped).", HelpName = "N" };
        var (task, loss, targetScaling) = RegressionOptions.Create();
        var command = new Command("train", "Train a classifier or a regressor on a CSV file and save a run folder (defaults: the seed's WineQT run).")
        {
            data, target, drop, hidden, activation, dropout, epochs, batchSize, optimizer, lr, weightDecay, testSize, valSize,
            stratify, standardize, classWeight, earlyStopping, seed, splitSeed, threads, noHeader, output, json, impute,
            categorical, numeric, checkpointEvery, keepCheckpoints, maxCategories, minFrequency, logEvery, task, loss, targetScaling, resume, allowChangedData, threshold,
        };
        command.SetAction(parsed => TrainJob.RunWithCtrlC(ResumeRun.Apply(parsed, command, new TrainSettings
        {
            Data = parsed.GetValue(data) ?? "wineqt",
            Target = parsed.GetValue(target),
            Drop = parsed.GetValue(drop),
            Hidden = parsed.GetValue(hidden) ?? "",
            Activation = parsed.GetValue(activation) ?? "relu",
            Dropout = parsed.GetValue(dropout),
            Epochs = parsed.GetValue(epochs),
            BatchSize = parsed.GetValue(batchSize),
            Optimizer = parsed.GetValue(optimizer) ?? "adam",
            Lr = parsed.GetValue(lr),
            WeightDecay = parsed.GetValue(weightDecay),
            TestSize = parsed.GetValue(testSize) ?? "0.2",
            ValSize = parsed.GetValue(valSize) ?? "0",
            Stratify = parsed.GetValue(stratify),
            Standardize = parsed.GetValue(standardize),
            ClassWeight = parsed.GetValue(classWeight),
            EarlyStopping = parsed.GetValue(earlyStopping),
            Seed = parsed.GetValue(seed),
            SplitSeed = parsed.GetValue(splitSeed),
            Threads = parsed.GetValue(threads),
            NoHeader = parsed.GetValue(noHeader),
            Out = parsed.GetValue(output),
            Json = parsed.GetValue(json),
            Impute = parsed.GetValue(impute),
            Categorical = parsed.GetValue(categorical),
            Numeric = parsed.GetValue(numeric),
            CheckpointEvery = parsed.GetValue(checkpointEvery),
            KeepCheckpoints = parsed.GetValue(keepCheckpoints),
            MaxCategories = parsed.GetValue(maxCategories),
            MinFrequency = parsed.GetValue(minFrequency),
            Threshold = parsed.GetValue(threshold),
            LogEvery = parsed.GetValue(logEvery),
            Task = parsed.GetValue(task) ?? "auto",
            Loss = parsed.GetValue(loss),
            TargetScaling = parsed.GetValue(targetScaling),
            ResumeFrom = parsed.GetValue(resume),
            AllowChangedData = parsed.GetValue(allowChangedData),
        })));
        return command;
    }
}
