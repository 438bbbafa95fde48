using System.Diagnostics;

namespace Newsletter.ImportBench;

/// <summary>Samples the process's working set every 20 ms; <see cref="Reset"/> starts a new phase's maximum.</summary>
public sealed class MemorySampler : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private long max;

    public MemorySampler() => loop = Task.Run(async () =>
    {
        using var process = Process.GetCurrentProcess();
        while (!stop.IsCancellationRequested)
        {
            process.Refresh();
            var now = process.WorkingSet64;
            long seen;
            while (now > (seen = Interlocked.Read(ref max)) && Interlocked.CompareExchange(ref max, now, seen) != seen)
            {
            }

            try
            {
                await Task.Delay(20, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    });

    /// <summary>The largest working set sampled since the last reset, in MB; starts the next phase.</summary>
    public double Reset()
    {
        using var process = Process.GetCurrentProcess();
        return Interlocked.Exchange(ref max, process.WorkingSet64) / 1024.0 / 1024.0;
    }

    public void Dispose()
    {
        stop.Cancel();
        loop.Wait();
        stop.Dispose();
    }
}
