using System.Globalization;
using System.Text;

namespace Kindling;

/// <summary>Prints tensors as PyTorch 1.13's default print options do (precision 4, line width 80, threshold 1000,
/// 3 edge items): one width for all elements, fixed, integer-valued ("1.") or scientific notation chosen from the
/// range of the nonzero finite values (https://pytorch.org/docs/stable/generated/torch.set_printoptions.html).</summary>
internal sealed class TensorFormatter
{
    private const int Precision = 4;
    private const int LineWidth = 80;
    private const int Threshold = 1000;
    private const int EdgeItems = 3;

    private readonly bool _floating;
    private readonly bool _intMode = true;
    private readonly bool _sciMode;
    private readonly int _width = 1;

    private TensorFormatter(Tensor t, double[] values)
    {
        _floating = t.DType.IsFloatingPoint();
        if (!_floating)
        {
            foreach (double v in values) _width = Math.Max(_width, Plain(t.DType, v).Length);
            return;
        }
        var finite = new List<double>();
        foreach (double v in values)
            if (double.IsFinite(v) && v != 0) finite.Add(v);
        if (finite.Count == 0) return;
        double min = double.MaxValue, max = 0;
        foreach (double v in finite)
        {
            min = Math.Min(min, Math.Abs(v));
            max = Math.Max(max, Math.Abs(v));
            if (v != Math.Ceiling(v)) _intMode = false;
        }
        _sciMode = max / min > 1000 || max > 1e8 || (!_intMode && min < 1e-4);
        foreach (double v in finite)
        {
            int len = _sciMode ? Sci(v).Length : _intMode ? Fixed(v, 0).Length + 1 : Fixed(v, Precision).Length;
            _width = Math.Max(_width, len);
        }
    }

    public static string Format(Tensor t)
    {
        var flat = t.Detach().Reshape(-1);
        bool summarize = t.NumEl > Threshold;
        var formatter = new TensorFormatter(t, Summarized(t, summarize));
        var sb = new StringBuilder("tensor(");
        const int indent = 7;
        if (t.NumEl == 0 && t.Dim != 1) sb.Append("[]");
        else if (t.Dim == 0) sb.Append(formatter.Element(t.DType, flat.GetAsDouble(flat._offset)));
        else formatter.Append(sb, t, indent, summarize);
        var suffixes = new List<string>();
        if (t.NumEl == 0 && t.Dim != 1) suffixes.Add("size=(" + string.Join(", ", t.Shape) + (t.Dim == 1 ? ",)" : ")"));
        if (t.DType is DType.Float64) suffixes.Add("dtype=" + t.DType.TorchName());
        if (t.GradFn is not null) suffixes.Add($"grad_fn=<{t.GradFn.Name}>");
        else if (t.RequiresGrad) suffixes.Add("requires_grad=True");
        string text = sb.ToString();
        int lastLine = text.Length - text.LastIndexOf('\n') + 1;
        if (text.LastIndexOf('\n') < 0) lastLine = text.Length + 1 + 1;
        foreach (var suffix in suffixes)
        {
            if (lastLine + suffix.Length + 2 > LineWidth)
            {
                sb.Append(",\n").Append(' ', indent).Append(suffix);
                lastLine = indent + suffix.Length;
            }
            else
            {
                sb.Append(", ").Append(suffix);
                lastLine += suffix.Length + 2;
            }
        }
        return sb.Append(')').ToString();
    }

    private void Append(StringBuilder sb, Tensor t, int indent, bool summarize)
    {
        int size = t.Size(0);
        bool cut = summarize && size > 2 * EdgeItems;
        if (t.Dim == 1)
        {
            int perLine = Math.Max(1, (LineWidth - indent) / (_width + 2));
            var items = new List<string>();
            for (int i = 0; i < size; i++)
            {
                if (cut && i == EdgeItems)
                {
                    items.Add(" ...");
                    i = size - EdgeItems - 1;
                    continue;
                }
                items.Add(Element(t.DType, t.GetAsDouble(t._offset + i * t._strides[0])));
            }
            sb.Append('[');
            for (int i = 0; i < items.Count; i++)
            {
                if (i > 0) sb.Append(i % perLine == 0 ? ",\n" + new string(' ', indent + 1) : ", ");
                sb.Append(items[i]);
            }
            sb.Append(']');
            return;
        }
        sb.Append('[');
        string separator = "," + new string('\n', t.Dim - 1) + new string(' ', indent + 1);
        for (int i = 0; i < size; i++)
        {
            if (i > 0) sb.Append(separator);
            if (cut && i == EdgeItems)
            {
                sb.Append("...");
                i = size - EdgeItems - 1;
                continue;
            }
            Append(sb, t.Detach().Select(0, i), indent + 1, summarize);
        }
        sb.Append(']');
    }

    private string Element(DType dtype, double v)
    {
        string s;
        if (!_floating) s = Plain(dtype, v);
        else if (_sciMode) s = Sci(v);
        else if (_intMode) s = Fixed(v, 0) + (double.IsFinite(v) ? "." : "");
        else s = Fixed(v, Precision);
        return s.PadLeft(_width);
    }

    // The values the formatter measures: all of them, or only the edge items when summarizing.
    private static double[] Summarized(Tensor t, bool summarize)
    {
        if (!summarize)
        {
            var flat = t.Detach().Reshape(-1);
            var all = new double[flat.NumEl];
            for (int i = 0; i < all.Length; i++) all[i] = flat.GetAsDouble(flat._offset + i);
            return all;
        }
        var values = new List<double>();
        Collect(t.Detach(), values);
        return values.ToArray();
    }

    private static void Collect(Tensor t, List<double> values)
    {
        if (t.Dim == 0)
        {
            values.Add(t.GetAsDouble(t._offset));
            return;
        }
        int size = t.Size(0);
        for (int i = 0; i < size; i++)
        {
            if (size > 2 * EdgeItems && i == EdgeItems) i = size - EdgeItems;
            Collect(t.Select(0, i), values);
        }
    }

    private static string Plain(DType dtype, double v) => dtype switch
    {
        DType.Bool => v != 0 ? "True" : "False",
        _ => ((long)v).ToString(CultureInfo.InvariantCulture),
    };

    private static string Fixed(double v, int digits)
    {
        if (double.IsNaN(v)) return "nan";
        if (double.IsInfinity(v)) return v > 0 ? "inf" : "-inf";
        return v.ToString("F" + digits, CultureInfo.InvariantCulture);
    }

    // Python's '{:.4e}': mantissa with 4 decimals, exponent with sign and at least two digits.
    private static string Sci(double v)
    {
        if (!double.IsFinite(v)) return Fixed(v, 0);
        string s = v.ToString("E" + Precision, CultureInfo.InvariantCulture);   // e.g. 1.2345E-005
        int e = s.IndexOf('E');
        int exponent = int.Parse(s.AsSpan(e + 1), CultureInfo.InvariantCulture);
        return s[..e] + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
    }
}
