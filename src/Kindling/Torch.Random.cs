// https://pytorch.org/docs/1.13/random.html — torch.manual_seed, torch.default_generator,
// torch.get_rng_state / set_rng_state.
using Kindling.Random;

namespace Kindling;

public static partial class Torch
{
    /// <summary>The global CPU generator that every random function uses when none is passed.</summary>
    public static Generator DefaultGenerator { get; } = new();

    /// <summary>Seeds the default generator like <c>torch.manual_seed(seed)</c>.</summary>
    /// <remarks>Negative seeds wrap modulo 2^64 as in PyTorch (−1 becomes 0xFFFF_FFFF_FFFF_FFFF);
    /// only the low 32 bits reach the Mersenne Twister.</remarks>
    public static Generator ManualSeed(long seed)
    {
        DefaultGenerator.ManualSeed(unchecked((ulong)seed));
        return DefaultGenerator;
    }

    /// <summary>The seed last given to the default generator (<c>torch.initial_seed()</c>).</summary>
    public static ulong InitialSeed() => DefaultGenerator.InitialSeed;

    /// <summary>A copy of the default generator's state in <c>torch.get_rng_state()</c>'s byte layout.</summary>
    public static byte[] GetRngState() => DefaultGenerator.GetState();

    /// <summary>Restores the default generator's state from <see cref="GetRngState"/>.</summary>
    public static void SetRngState(byte[] state) => DefaultGenerator.SetState(state);
}
