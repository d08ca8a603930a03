namespace Kindling;

/// <summary>The <c>torch</c> namespace's free functions: creation, seeding, grad mode, threads.</summary>
public static partial class Torch
{
}
