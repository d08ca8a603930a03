// https://pytorch.org/docs/1.13/generated/torch.nn.Module.html#torch.nn.Module.extra_repr
namespace Kindling.Nn;

public abstract partial class Module
{
    /// <summary>The text inside this module's parentheses, e.g. <c>in_features=11, out_features=16, bias=True</c>.</summary>
    protected virtual string ExtraRepr() => "";

    /// <summary>Prints the module tree as PyTorch's <c>repr(model)</c>.</summary>
    public override string ToString()
    {
        var extra = ExtraRepr();
        var lines = new List<string>();
        if (extra.Length > 0) lines.AddRange(extra.Split('\n'));
        int extraLines = lines.Count;
        foreach (var (name, child) in _children)
            lines.Add($"({name}): " + child.ToString().Replace("\n", "\n  "));
        var name0 = GetType().Name;
        if (lines.Count == 0) return name0 + "()";
        if (extraLines == 1 && lines.Count == 1) return $"{name0}({lines[0]})";
        return $"{name0}(\n  " + string.Join("\n  ", lines) + "\n)";
    }

    /// <summary>Python's spelling of a bool in reprs.</summary>
    private protected static string Py(bool value) => value ? "True" : "False";
}
