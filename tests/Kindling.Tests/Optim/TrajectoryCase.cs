using System.Text.Json;
using Kindling.Optim;

namespace Kindling.Tests.Optim;

/// <summary>One case of optim_trajectories.json: builds the optimizer PyTorch ran, feeds it the recorded gradients.</summary>
internal sealed class TrajectoryCase
{
    public TrajectoryCase(string name)
    {
        Root = OptimFixtures.Load("optim_trajectories.json");
        Json = OptimFixtures.Case("optim_trajectories.json", name);
        Shapes = [.. Root.GetProperty("shapes").EnumerateArray().Select(OptimFixtures.Ints)];
    }

    public JsonElement Root { get; }

    public JsonElement Json { get; }

    public int[][] Shapes { get; }

    public int StepCount => Json.GetProperty("steps").GetArrayLength();

    /// <summary>Fresh leaf parameters holding the fixture's initial values.</summary>
    public Tensor[] NewParams() =>
        [.. Root.GetProperty("initial").EnumerateArray().Select((v, i) => Tensor.FromArray(OptimFixtures.F32(v), Shapes[i]))];

    public Optimizer NewOptimizer(Tensor[] ps)
    {
        string kind = Json.GetProperty("optimizer").GetString()!;
        var o = Json.GetProperty("options");
        var groups = Json.GetProperty("groups");
        if (groups.ValueKind == JsonValueKind.Null) return Create(kind, o, ps, null);
        var layout = Json.GetProperty("group_params").EnumerateArray().ToArray();
        var list = new List<ParamGroup>();
        int g = 0;
        foreach (var overrides in groups.EnumerateArray())
        {
            var group = new ParamGroup(OptimFixtures.Ints(layout[g++]).Select(i => ps[i]));
            foreach (var prop in overrides.EnumerateObject()) group[prop.Name] = Value(prop.Value);
            list.Add(group);
        }
        return Create(kind, o, null, list);
    }

    /// <summary>Sets each parameter's gradient as recorded for <paramref name="step"/> (null where PyTorch had None).</summary>
    public void SetGrads(Tensor[] ps, int step)
    {
        var grads = Json.GetProperty("steps")[step].GetProperty("grads").EnumerateArray().ToArray();
        for (int i = 0; i < ps.Length; i++)
            ps[i].Grad = grads[i].ValueKind == JsonValueKind.Null ? null : Tensor.FromArray(OptimFixtures.F32(grads[i]), Shapes[i]);
    }

    public float[] Expected(int step, int param) =>
        OptimFixtures.F32(Json.GetProperty("steps")[step].GetProperty("params")[param]);

    private static object Value(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => (e[0].GetDouble(), e[1].GetDouble()),
        _ => e.GetDouble(),
    };

    private static Optimizer Create(string kind, JsonElement o, Tensor[]? ps, List<ParamGroup>? groups)
    {
        double D(string k, double d) => o.TryGetProperty(k, out var v) ? v.GetDouble() : d;
        bool B(string k) => o.TryGetProperty(k, out var v) && v.GetBoolean();
        (double, double)? Betas() => o.TryGetProperty("betas", out var v) ? (v[0].GetDouble(), v[1].GetDouble()) : null;
        return kind switch
        {
            "SGD" when ps is not null => new SGD(ps, D("lr", double.NaN), D("momentum", 0), D("dampening", 0), D("weight_decay", 0), B("nesterov"), B("maximize")),
            "SGD" => new SGD(groups!, D("lr", double.NaN), D("momentum", 0), D("dampening", 0), D("weight_decay", 0), B("nesterov"), B("maximize")),
            "Adam" when ps is not null => new Adam(ps, D("lr", 1e-3), Betas(), D("eps", 1e-8), D("weight_decay", 0), B("amsgrad"), B("maximize")),
            "Adam" => new Adam(groups!, D("lr", 1e-3), Betas(), D("eps", 1e-8), D("weight_decay", 0), B("amsgrad"), B("maximize")),
            "AdamW" when ps is not null => new AdamW(ps, D("lr", 1e-3), Betas(), D("eps", 1e-8), D("weight_decay", 1e-2), B("amsgrad"), B("maximize")),
            "AdamW" => new AdamW(groups!, D("lr", 1e-3), Betas(), D("eps", 1e-8), D("weight_decay", 1e-2), B("amsgrad"), B("maximize")),
            "RMSprop" when ps is not null => new RMSprop(ps, D("lr", 1e-2), D("alpha", 0.99), D("eps", 1e-8), D("weight_decay", 0), D("momentum", 0), B("centered"), B("maximize")),
            "RMSprop" => new RMSprop(groups!, D("lr", 1e-2), D("alpha", 0.99), D("eps", 1e-8), D("weight_decay", 0), D("momentum", 0), B("centered"), B("maximize")),
            "Adagrad" when ps is not null => new Adagrad(ps, D("lr", 1e-2), D("lr_decay", 0), D("weight_decay", 0), D("initial_accumulator_value", 0), D("eps", 1e-10), B("maximize")),
            "Adagrad" => new Adagrad(groups!, D("lr", 1e-2), D("lr_decay", 0), D("weight_decay", 0), D("initial_accumulator_value", 0), D("eps", 1e-10), B("maximize")),
            _ => throw new ArgumentException($"unknown optimizer {kind}"),
        };
    }
}
