// https://pytorch.org/docs/1.13/generated/torch.nn.Module.html (parameters, named_parameters, buffers, children, modules)
namespace Kindling.Nn;

public abstract partial class Module
{
    /// <summary>All parameters, this module's first, then each child's in registration order; each once.</summary>
    /// <param name="recurse">False: only this module's own parameters.</param>
    public IEnumerable<Parameter> Parameters(bool recurse = true)
    {
        foreach (var (_, p) in NamedParameters(recurse: recurse))
            yield return p;
    }

    /// <summary>Parameters with PyTorch's dotted names (<c>0.weight</c>, <c>2.fc.bias</c>); shared ones appear once.</summary>
    /// <param name="prefix">Prepended with a dot to every name.</param>
    /// <param name="recurse">False: only this module's own parameters.</param>
    public IEnumerable<(string Name, Parameter Parameter)> NamedParameters(string prefix = "", bool recurse = true)
    {
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var (modulePrefix, module) in recurse ? NamedModules(prefix) : [(prefix, (Module)this)])
        {
            foreach (var (name, p) in module._parameters)
            {
                if (p is null || !seen.Add(p)) continue;
                yield return (Join(modulePrefix, name), p);
            }
        }
    }

    /// <summary>All buffers (running statistics, counters) in registration order.</summary>
    /// <param name="recurse">False: only this module's own buffers.</param>
    public IEnumerable<Tensor> Buffers(bool recurse = true)
    {
        foreach (var (_, b) in NamedBuffers(recurse: recurse))
            yield return b;
    }

    /// <summary>Buffers with PyTorch's dotted names (<c>1.running_mean</c>).</summary>
    /// <param name="prefix">Prepended with a dot to every name.</param>
    /// <param name="recurse">False: only this module's own buffers.</param>
    public IEnumerable<(string Name, Tensor Buffer)> NamedBuffers(string prefix = "", bool recurse = true)
    {
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var (modulePrefix, module) in recurse ? NamedModules(prefix) : [(prefix, (Module)this)])
        {
            foreach (var (name, b) in module._buffers)
            {
                if (b is null || !seen.Add(b)) continue;
                yield return (Join(modulePrefix, name), b);
            }
        }
    }

    /// <summary>The direct children, in registration order; each once.</summary>
    public IEnumerable<Module> Children()
    {
        foreach (var (_, child) in NamedChildren())
            yield return child;
    }

    /// <summary>The direct children with their names (<c>"0"</c>, <c>"fc"</c>).</summary>
    public IEnumerable<(string Name, Module Module)> NamedChildren()
    {
        var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
        foreach (var (name, child) in _children)
        {
            if (seen.Add(child))
                yield return (name, child);
        }
    }

    /// <summary>This module and every descendant, depth-first pre-order; each once.</summary>
    public IEnumerable<Module> Modules()
    {
        foreach (var (_, m) in NamedModules())
            yield return m;
    }

    /// <summary>This module (named <paramref name="prefix"/>, "" by default) and every descendant with its dotted name.</summary>
    public IEnumerable<(string Name, Module Module)> NamedModules(string prefix = "")
    {
        var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(string, Module)>();
        stack.Push((prefix, this));
        while (stack.Count > 0)
        {
            var (name, module) = stack.Pop();
            if (!seen.Add(module)) continue;
            yield return (name, module);
            for (int i = module._children.Count - 1; i >= 0; i--)
            {
                var (childName, child) = module._children[i];
                stack.Push((Join(name, childName), child));
            }
        }
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;
}
