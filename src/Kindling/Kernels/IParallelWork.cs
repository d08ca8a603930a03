namespace Kindling.Kernels;

/// <summary>A job split into numbered tasks that may run on any thread in any order.</summary>
internal interface IParallelWork
{
    /// <summary>Runs task <paramref name="task"/>; tasks must not depend on each other.</summary>
    void Run(int task);
}
