using System.Diagnostics;
using System.Text.Json;
using Kindling.Data;

namespace Kindling.Bench.Workloads;

/// <summary>
/// <c>workload csv --data PATH</c>: what <c>kindling train</c> does with a CSV before training starts, with the
/// CLI's defaults (TrainJob.Prepare): read and infer the schema, encode the target, split
/// <c>train_test_split(test_size=0.2, random_state=42)</c>, fit the preprocessing on the training rows (median
/// imputer, no scaler) and transform every part into a float32 feature matrix. Prints the seconds of each phase;
/// <c>prepare_seconds</c> is the whole (the number to set beside <c>pandas.read_csv</c> alone, bench/csv_pandas.py).
/// </summary>
internal static class CsvWorkload
{
    public static void Run(WorkloadOptions o, Utf8JsonWriter json)
    {
        string path = o.Data ?? throw new ArgumentException("workload csv needs --data PATH (bench/gen_m.py writes one)");
        // KINDLING_CSV_SERIAL=1: the serial Sep reader only (the reference the parallel one must equal), for comparison.
        bool serial = Environment.GetEnvironmentVariable("KINDLING_CSV_SERIAL") == "1";
        Csv.SerialOnly = serial;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var frame = Csv.Read(path);
        double read = clock.Elapsed.TotalSeconds;
        double readCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;

        var labels = LabelEncoder.FitTarget(frame, o.Target);
        long[] y = labels.Transform(frame, o.Target);
        var (train, test) = ModelSelection.TrainTestSplit(y.Length, testSize: o.TestSize, randomState: o.Seed);
        double split = clock.Elapsed.TotalSeconds;

        var drop = o.Drop.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var preprocessor = Preprocessor.Fit(frame, new PreprocessorOptions
        {
            Target = o.Target,
            Drop = drop,
            Impute = ImputeStrategy.Median,
            Scaler = ScalerKind.None,
        }, train);
        double fit = clock.Elapsed.TotalSeconds;
        var xTrain = preprocessor.Transform(frame, train);
        var xTest = preprocessor.Transform(frame, test);
        double prepare = clock.Elapsed.TotalSeconds;
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;

        json.WriteString("data", path);
        json.WriteNumber("rows", frame.RowCount);
        json.WriteNumber("columns", frame.ColumnCount);
        json.WriteNumber("features", xTrain.Columns);
        json.WriteNumber("bytes", new FileInfo(path).Length);
        json.WriteString("reader", serial ? "serial" : "chunked");
        json.WriteNumber("read_seconds", read);
        json.WriteNumber("read_cpu_seconds", readCpu);
        json.WriteNumber("split_seconds", split - read);
        json.WriteNumber("fit_seconds", fit - split);
        json.WriteNumber("transform_seconds", prepare - fit);
        json.WriteNumber("prepare_seconds", prepare);
        json.WriteNumber("prepare_cpu_seconds", cpuSeconds);
        json.WriteNumber("checksum", xTrain.Data[^1] + xTest.Data[0]);
        // KINDLING_CSV_VERIFY=1: read the file again with the serial reader and compare every value's bits and every line.
        if (Environment.GetEnvironmentVariable("KINDLING_CSV_VERIFY") == "1") json.WriteBoolean("identical_to_serial", SameAsSerial(frame, path));
    }

    static bool SameAsSerial(Frame frame, string path)
    {
        Csv.SerialOnly = true;
        var serial = Csv.Read(path);
        Csv.SerialOnly = false;
        if (!serial.ColumnNames.SequenceEqual(frame.ColumnNames) || !serial.Lines.SequenceEqual(frame.Lines)) return false;
        for (int j = 0; j < frame.ColumnCount; j++)
        {
            bool same = (serial[j], frame[j]) switch
            {
                (NumericColumn a, NumericColumn b) => MemoryMarshalBits(a.Values).SequenceEqual(MemoryMarshalBits(b.Values)),
                (CategoricalColumn a, CategoricalColumn b) => a.Values.SequenceEqual(b.Values),
                _ => false,
            };
            if (!same) return false;
        }
        return true;
    }

    static ReadOnlySpan<long> MemoryMarshalBits(ReadOnlySpan<double> values) => System.Runtime.InteropServices.MemoryMarshal.Cast<double, long>(values);
}
