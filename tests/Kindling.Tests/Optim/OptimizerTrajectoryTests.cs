using Kindling.Optim;

namespace Kindling.Tests.Optim;

/// <summary>Every optimizer × option set against PyTorch 1.13's 20-step trajectories (optim_trajectories.json).</summary>
public sealed class OptimizerTrajectoryTests
{
    // Issue 2's acceptance bound. Kindling follows PyTorch's float32 rounding steps, so the observed
    // difference is far below it (see Step_EveryCase_IsBitExactWithPyTorch).
    private const double TrajectoryTolerance = 1e-6;

    public static IEnumerable<object[]> Cases => OptimFixtures.CaseNames("optim_trajectories.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Step_TwentySteps_MatchesPyTorchTrajectory(string name)
    {
        var c = new TrajectoryCase(name);
        var ps = c.NewParams();
        var opt = c.NewOptimizer(ps);
        for (int step = 0; step < c.StepCount; step++)
        {
            c.SetGrads(ps, step);
            opt.Step();
            for (int i = 0; i < ps.Length; i++)
            {
                var expected = c.Expected(step, i);
                var actual = ps[i].ToArray<float>();
                for (int k = 0; k < expected.Length; k++)
                {
                    double err = Math.Abs(actual[k] - expected[k]);
                    Assert.True(err <= TrajectoryTolerance * Math.Max(1, Math.Abs(expected[k])),
                        $"{name}: step {step}, param {i}[{k}]: {actual[k]:R} vs PyTorch {expected[k]:R}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void StateDict_AfterTwentySteps_MatchesPyTorchState(string name)
    {
        var c = new TrajectoryCase(name);
        var ps = c.NewParams();
        var opt = c.NewOptimizer(ps);
        for (int step = 0; step < c.StepCount; step++)
        {
            c.SetGrads(ps, step);
            opt.Step();
        }
        var dict = opt.StateDict();
        var finalState = c.Json.GetProperty("final_state");
        // State-dict indices number parameters across groups in group order, as PyTorch's state_dict does.
        int[] order = [.. c.Json.GetProperty("group_params").EnumerateArray().SelectMany(OptimFixtures.Ints)];
        for (int index = 0; index < ps.Length; index++)
        {
            int i = order[index];
            int expectedCount = 0;
            foreach (var buffer in finalState[i].EnumerateObject())
            {
                expectedCount++;
                var t = dict[$"state.{index}.{buffer.Name}"];
                double[] actual = t.DType switch
                {
                    DType.Int64 => [.. t.ToArray<long>().Select(v => (double)v)],
                    _ => [.. t.ToArray<float>().Select(v => (double)v)],
                };
                double[] expected = buffer.Value.ValueKind == System.Text.Json.JsonValueKind.Number
                    ? [buffer.Value.GetDouble()] : OptimFixtures.F64(buffer.Value);
                Assert.Equal(expected.Length, actual.Length);
                for (int k = 0; k < expected.Length; k++)
                    Assert.True(Math.Abs(actual[k] - expected[k]) <= TrajectoryTolerance * Math.Max(1, Math.Abs(expected[k])),
                        $"{name}: state.{i}.{buffer.Name}[{k}] {actual[k]:R} vs PyTorch {expected[k]:R}");
            }
            Assert.Equal(expectedCount, dict.Keys.Count(k => k.StartsWith($"state.{index}.", StringComparison.Ordinal)));
        }
    }

    /// <summary>Stronger than the acceptance bound: the same float32 operations in the same order give the same
    /// bits as PyTorch's CPU kernels (AVX2 build, fused multiply-adds where PyTorch's add/addcmul use them).</summary>
    [Fact]
    public void Step_EveryCase_IsBitExactWithPyTorch()
    {
        var mismatches = new List<string>();
        foreach (var row in Cases)
        {
            string name = (string)row[0];
            var c = new TrajectoryCase(name);
            var ps = c.NewParams();
            var opt = c.NewOptimizer(ps);
            for (int step = 0; step < c.StepCount; step++)
            {
                c.SetGrads(ps, step);
                opt.Step();
            }
            for (int i = 0; i < ps.Length; i++)
            {
                var expected = c.Expected(c.StepCount - 1, i);
                var actual = ps[i].ToArray<float>();
                int bad = expected.Where((e, k) => BitConverter.SingleToInt32Bits(e) != BitConverter.SingleToInt32Bits(actual[k])).Count();
                if (bad > 0) mismatches.Add($"{name} param {i}: {bad} of {expected.Length} differ");
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }
}
