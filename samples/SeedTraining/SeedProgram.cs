// The seed program (../shared/reference/seed_program.py) step by step: each step quotes the Python line it mirrors.
using System.Diagnostics;
using Kindling;
using Kindling.Data;
using Kindling.Nn;
using Kindling.Optim;
using Kindling.Training.Plots;

namespace SeedTraining;

/// <summary>The seed's training run on WineQT: read, encode, split, build, seed, train, plot, evaluate.</summary>
internal static class SeedProgram
{
    /// <summary>Runs the seed with <paramref name="options"/> and returns its losses, accuracy and initial weights.</summary>
    /// <remarks>Seeds and draws from <see cref="Torch.DefaultGenerator"/>, as the seed does from torch's global generator.</remarks>
    public static SeedResult Run(SeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.UseDataLoader && options.BatchSize <= 0)
            throw new ArgumentException("the DataLoader run needs a batch size above 0 (--batch-size N).", nameof(options));

        // df = pd.read_csv('WineQT.csv')
        var (df, source) = ReadTable(options.DataPath);
        // le = LabelEncoder(); y = le.fit_transform(df['quality'])      (classes 3..8 become 0..5)
        var le = LabelEncoder.FitTarget(df, "quality");
        long[] y = le.Transform(df, "quality");
        // X = df.drop(['quality', 'Id'], axis=1).values.astype(np.float32)
        float[,] X = Features(df.DropColumns("quality", "Id"));

        // X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
        var (train, test) = ModelSelection.TrainTestSplit(y.Length, testSize: 0.2, randomState: 42);
        // X_train = torch.tensor(X_train, dtype=torch.float32); y_train = torch.tensor(y_train, dtype=torch.long)
        Tensor xTrain = Torch.Tensor(TakeRows(X, train)), xTest = Torch.Tensor(TakeRows(X, test));
        Tensor yTrain = Torch.Tensor(Take(y, train)), yTest = Torch.Tensor(Take(y, test));

        // model = nn.Sequential(nn.Linear(11, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 6))
        var model = new Sequential(
            new Linear(X.GetLength(1), 16), new ReLU(),
            new Linear(16, 16), new ReLU(),
            new Linear(16, le.Count));
        // torch.manual_seed(42); model.apply(lambda m: m.reset_parameters())
        Torch.ManualSeed(42);
        model.Apply(m => m.ResetParameters());
        float[] firstWeightRow = ((Linear)model[0]).Weight[0].ToArray<float>();

        // criterion = nn.CrossEntropyLoss(); optimizer = optim.Adam(model.parameters(), lr=0.01)
        var criterion = new CrossEntropyLoss();
        var optimizer = new Adam(model.Parameters(), lr: 0.01);
        // loader = DataLoader(TensorDataset(X_train, y_train), batch_size=32, shuffle=True)   (DataLoader run only)
        var loader = options.UseDataLoader
            ? new DataLoader(new TensorDataset(xTrain, yTrain), batchSize: options.BatchSize, shuffle: true)
            : null;

        // losses = []
        var losses = new List<double>(options.Epochs);
        var clock = Stopwatch.StartNew();
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            if (loader is not null)
            {
                losses.Add(LoaderEpoch(model, criterion, optimizer, loader));
            }
            else if (options.BatchSize > 0)
            {
                losses.Add(RandpermEpoch(model, criterion, optimizer, xTrain, yTrain, options.BatchSize));
            }
            else
            {
                // optimizer.zero_grad()
                optimizer.ZeroGrad();
                // outputs = model(X_train)
                var outputs = model.Call(xTrain);
                // loss = criterion(outputs, y_train)
                var loss = criterion.Call(outputs, yTrain);
                // loss.backward()
                loss.Backward();
                // optimizer.step()
                optimizer.Step();
                // losses.append(loss.item())
                losses.Add(loss.Item());
            }
        }
        double trainSeconds = clock.Elapsed.TotalSeconds;

        // plt.plot(losses); plt.savefig('loss.png')
        if (options.PlotPath is string plot)
            TrainingPlots.SaveLossCurves(plot, losses, options: new PlotOptions { Title = "Seed training loss (WineQT)" });

        // model.eval()
        model.Eval();
        // with torch.no_grad(): accuracy = (model(X_test).argmax(dim=1) == y_test).float().mean().item()
        double accuracy;
        int correct;
        using (Torch.NoGrad())
        {
            var hits = model.Call(xTest).ArgMax(1) == yTest;
            accuracy = hits.Float().Mean().Item();
            correct = (int)hits.Long().Sum().Item();
        }

        return new SeedResult(losses, accuracy, correct, trainSeconds, le.Classes, train.Length, test.Length, firstWeightRow, source);
    }

    /// <summary>One epoch of <c>seed_program.py --batch-size N</c>: <c>perm = torch.randperm(n)</c>, then batches
    /// <c>perm[i:i+N]</c>; returns Σ loss·len(idx) / n.</summary>
    private static double RandpermEpoch(Module model, Loss criterion, Optimizer optimizer, Tensor xTrain, Tensor yTrain, int batchSize)
    {
        int n = xTrain.Size(0);
        // perm = torch.randperm(n)
        var perm = Torch.Randperm(n);
        double total = 0;
        for (int i = 0; i < n; i += batchSize)
        {
            // idx = perm[i:i + batch_size]
            var idx = perm.Slice(0, i, i + batchSize);
            // total += loss.item() * len(idx)
            total += Step(model, criterion, optimizer, xTrain[idx], yTrain[idx]) * idx.Size(0);
        }
        return total / n;
    }

    /// <summary>One epoch over a shuffling <see cref="DataLoader"/> (each <c>foreach</c> is an epoch, as
    /// <c>for xb, yb in loader</c>); returns Σ loss·len(batch) / n.</summary>
    private static double LoaderEpoch(Module model, Loss criterion, Optimizer optimizer, DataLoader loader)
    {
        double total = 0;
        foreach (var batch in loader)
        {
            Tensor xb = batch[0], yb = batch[1];
            total += Step(model, criterion, optimizer, xb, yb) * yb.Size(0);
        }
        return total / loader.Dataset.Count;
    }

    /// <summary>zero_grad, forward, loss, backward, step; returns <c>loss.item()</c>.</summary>
    private static double Step(Module model, Loss criterion, Optimizer optimizer, Tensor x, Tensor y)
    {
        optimizer.ZeroGrad();
        var loss = criterion.Call(model.Call(x), y);
        loss.Backward();
        optimizer.Step();
        return loss.Item();
    }

    /// <summary>The given CSV, else the repository's data/WineQT.csv, else the copy embedded in Kindling.Data.</summary>
    private static (Frame Table, string Source) ReadTable(string? path)
    {
        path ??= SeedPaths.WineQtCsv;
        return path is null ? (Datasets.Load("wineqt"), "wineqt (embedded)") : (Csv.Read(path), path);
    }

    /// <summary>The frame's numeric columns as a rows × columns float32 matrix (<c>.values.astype(np.float32)</c>:
    /// each double rounds to the nearest float).</summary>
    private static float[,] Features(Frame frame)
    {
        var x = new float[frame.RowCount, frame.ColumnCount];
        for (int j = 0; j < frame.ColumnCount; j++)
        {
            if (frame[j] is not NumericColumn column)
                throw new DataException($"column '{frame[j].Name}' is not numeric; the seed's model takes numbers only", frame.Source, column: frame[j].Name);
            for (int i = 0; i < frame.RowCount; i++) x[i, j] = (float)column[i];
        }
        return x;
    }

    private static float[,] TakeRows(float[,] x, int[] rows)
    {
        var taken = new float[rows.Length, x.GetLength(1)];
        for (int r = 0; r < rows.Length; r++)
            for (int c = 0; c < x.GetLength(1); c++) taken[r, c] = x[rows[r], c];
        return taken;
    }

    private static long[] Take(long[] y, int[] rows) => Array.ConvertAll(rows, r => y[r]);
}
