using System.Text.Json;
using Kindling.Tests.TestSupport;

namespace Kindling.Tests.Tensors;

/// <summary>Rebuilds each op of tools/reference/ops_fixtures.py from its "op" key and parameters.</summary>
internal static class OpCases
{
    public static Tensor Run(string op, JsonElement p, Tensor[] x) => op switch
    {
        "add" => x[0] + x[1],
        "add_scalar" => x[0] + D(p, "value"),
        "sub" => x[0] - x[1],
        "sub_scalar" => x[0] - D(p, "value"),
        "rsub_scalar" => D(p, "value") - x[0],
        "mul" => x[0] * x[1],
        "mul_scalar" => x[0] * D(p, "value"),
        "div" => x[0] / x[1],
        "div_scalar" => x[0] / D(p, "value"),
        "rdiv_scalar" => D(p, "value") / x[0],
        "neg" => -x[0],
        "pow_scalar" => x[0].Pow(D(p, "value")),
        "pow" => x[0].Pow(x[1]),
        "exp" => x[0].Exp(),
        "log" => x[0].Log(),
        "sqrt" => x[0].Sqrt(),
        "abs" => x[0].Abs(),
        "clamp" => x[0].Clamp(OptD(p, "min"), OptD(p, "max")),
        "relu" => x[0].Relu(),
        "leaky_relu" => x[0].LeakyRelu(D(p, "value")),
        "sigmoid" => x[0].Sigmoid(),
        "tanh" => x[0].Tanh(),
        "gelu" => x[0].Gelu(p.GetProperty("approximate").GetString()!),
        "softmax" => x[0].Softmax(I(p, "dim")),
        "log_softmax" => x[0].LogSoftmax(I(p, "dim")),
        "mm" => x[0].Mm(x[1]),
        "matmul" => x[0].MatMul(x[1]),
        "matmul_t" => x[0].T.MatMul(x[1]),
        "sum" => x[0].Sum(),
        "sum_dim" => x[0].Sum(I(p, "dim"), B(p, "keepdim")),
        "sum_dims" => x[0].Sum(Ints(p, "dims"), B(p, "keepdim")),
        "mean" => x[0].Mean(),
        "mean_dim" => x[0].Mean(I(p, "dim"), B(p, "keepdim")),
        "max" => x[0].Max(),
        "min" => x[0].Min(),
        "max_dim" => x[0].Max(I(p, "dim"), B(p, "keepdim")).Values,
        "min_dim" => x[0].Min(I(p, "dim"), B(p, "keepdim")).Values,
        "max_dim_indices" => x[0].Max(I(p, "dim"), B(p, "keepdim")).Indices,
        "argmax_dim" => x[0].ArgMax(I(p, "dim"), B(p, "keepdim")),
        "argmax" => x[0].ArgMax(),
        "argmin_dim" => x[0].ArgMin(I(p, "dim"), B(p, "keepdim")),
        "argmin" => x[0].ArgMin(),
        "eq" => x[0] == x[1],
        "ne" => x[0] != x[1],
        "lt" => x[0] < x[1],
        "le" => x[0] <= x[1],
        "gt" => x[0] > x[1],
        "ge" => x[0] >= x[1],
        "eq_scalar" => x[0] == D(p, "value"),
        "ne_scalar" => x[0] != D(p, "value"),
        "lt_scalar" => x[0] < D(p, "value"),
        "le_scalar" => x[0] <= D(p, "value"),
        "gt_scalar" => x[0] > D(p, "value"),
        "ge_scalar" => x[0] >= D(p, "value"),
        "where" => Torch.Where(x[0] > 0, x[1], x[2]),
        "cat" => Torch.Cat([x[0], x[1]], I(p, "dim")),
        "stack" => Torch.Stack([x[0], x[1]], I(p, "dim")),
        "one_hot" => Torch.OneHot(x[0], I(p, "value")),
        "transpose" => x[0].Transpose(Ints(p, "dims")[0], Ints(p, "dims")[1]).Exp(),
        "t" => x[0].T * 2,
        "permute" => x[0].Permute(Ints(p, "dims")),
        "view" => x[0].View(Ints(p, "dims")),
        "reshape_t" => x[0].T.Reshape(Ints(p, "dims")),
        "select" => x[0].Select(I(p, "dim"), I(p, "index")),
        "narrow" => x[0].Narrow(I(p, "dim"), I(p, "start"), I(p, "length")),
        "slice" => x[0].Slice(I(p, "dim"), I(p, "start"), I(p, "end")),
        "unsqueeze" => x[0].Unsqueeze(I(p, "dim")),
        "squeeze" => x[0].Squeeze(),
        "flatten" => x[0].Flatten(I(p, "start"), I(p, "end")),
        "expand" => x[0].Expand(Ints(p, "dims")),
        "index_select" => x[0].IndexSelect(I(p, "dim"), x[1]),
        "index" => x[0][x[1]],
        "exp_t" => x[0].T.Exp(),
        "add_t" => x[0].T + x[1].Unsqueeze(1),
        _ => throw new ArgumentException($"no C# mapping for fixture op '{op}'"),
    };

    private static double D(JsonElement p, string name) => p.GetProperty(name).GetDouble();

    private static double? OptD(JsonElement p, string name) => p.TryGetProperty(name, out var v) ? v.GetDouble() : null;

    private static int I(JsonElement p, string name) => p.GetProperty(name).GetInt32();

    private static bool B(JsonElement p, string name) => p.GetProperty(name).GetBoolean();

    private static int[] Ints(JsonElement p, string name) => Fixture.Ints(p.GetProperty(name));
}
