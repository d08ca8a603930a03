using Kindling.Kernels;

namespace Kindling.Tests.Kernels;

public sealed class ParallelRangeTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(100, 16)]
    [InlineData(65536, ParallelRange.ElementwiseGrain)]
    [InlineData(1_000_003, ParallelRange.ElementwiseGrain)]
    [InlineData(5_000_000, 1)]
    public void ChunkSize_CoversTheRangeInAtMostMaxChunks(int count, int grain)
    {
        int size = ParallelRange.ChunkSize(count, grain);
        int chunks = ParallelRange.ChunkCount(count, grain);

        Assert.True(size >= Math.Min(grain, count));
        Assert.True(chunks is >= 1 and <= ParallelRange.MaxChunks);
        Assert.True((long)size * chunks >= count && (long)size * (chunks - 1) < count);
    }

    [Fact]
    public void For_OneTwoAndThreeThreads_VisitEveryElementOnceInTheSameChunks()
    {
        const int count = 200_003;
        int[]? expected = null;
        try
        {
            foreach (int threads in new[] { 1, 2, 3, 2 })
            {
                KernelThreads.ForcedForThisThread = threads;
                var chunkOf = new int[count];
                Array.Fill(chunkOf, -1);
                ParallelRange.For(count, 1000, new RecordChunk(chunkOf));

                Assert.DoesNotContain(-1, chunkOf);
                expected ??= chunkOf;
                Assert.Equal(expected, chunkOf);
            }
        }
        finally
        {
            KernelThreads.ForcedForThisThread = 0;
        }
    }

    [Fact]
    public void For_ReductionByChunkPartials_BitIdenticalForAnyThreadCount()
    {
        const int count = 1_000_000;
        var random = new System.Random(7);
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1) * 1e3f;
        }

        float? expected = null;
        try
        {
            foreach (int threads in new[] { 1, 2, 3 })
            {
                KernelThreads.ForcedForThisThread = threads;
                var partials = new float[ParallelRange.ChunkCount(count, 4096)];
                ParallelRange.For(count, 4096, new PartialSums(values, partials));
                float sum = 0;
                foreach (float p in partials)
                {
                    sum += p;
                }

                expected ??= sum;
                Assert.Equal(BitConverter.SingleToInt32Bits(expected.Value), BitConverter.SingleToInt32Bits(sum));
            }
        }
        finally
        {
            KernelThreads.ForcedForThisThread = 0;
        }
    }

    [Fact]
    public void For_NestedInsideABody_RunsTheInnerLoopSerially()
    {
        try
        {
            KernelThreads.ForcedForThisThread = 2;
            var counts = new int[64 * 5000];
            ParallelRange.For(64, 1, new Nested(counts));

            Assert.All(counts, c => Assert.Equal(1, c));
        }
        finally
        {
            KernelThreads.ForcedForThisThread = 0;
        }
    }

    [Fact]
    public void For_BodyThrows_RethrowsItsExceptionOnTheCaller()
    {
        try
        {
            KernelThreads.ForcedForThisThread = 2;
            var e = Assert.Throws<InvalidOperationException>(() => ParallelRange.For(100_000, 1000, new Throwing()));
            Assert.StartsWith("chunk ", e.Message);
        }
        finally
        {
            KernelThreads.ForcedForThisThread = 0;
        }
    }

    private readonly struct RecordChunk(int[] chunkOf) : IRangeBody
    {
        public void Run(int chunk, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                Assert.Equal(-1, chunkOf[i]);
                chunkOf[i] = chunk;
            }
        }
    }

    private readonly struct PartialSums(float[] values, float[] partials) : IRangeBody
    {
        public void Run(int chunk, int start, int end)
        {
            float s = 0;
            for (int i = start; i < end; i++)
            {
                s += values[i];
            }

            partials[chunk] = s;
        }
    }

    private readonly struct Nested(int[] counts) : IRangeBody
    {
        public void Run(int chunk, int start, int end)
        {
            for (int outer = start; outer < end; outer++)
            {
                ParallelRange.For(5000, 16, new Increment(counts, outer * 5000));
            }
        }
    }

    private readonly struct Increment(int[] counts, int offset) : IRangeBody
    {
        public void Run(int chunk, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                Interlocked.Increment(ref counts[offset + i]);
            }
        }
    }

    private readonly struct Throwing : IRangeBody
    {
        public void Run(int chunk, int start, int end) => throw new InvalidOperationException("chunk " + chunk);
    }
}
