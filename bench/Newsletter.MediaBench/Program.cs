// Picture benchmark, run by hand (results in docs/benchmarks.md):
//   dotnet run -c Release --project bench/Newsletter.MediaBench -- [runs]
// Makes a 12 MP (4000×3000) photo-like JPEG (gradients and noise, q92, EXIF orientation 6 as a phone held upright writes),
// runs the portal's ImageProcessor.Process on it N times (full 2400×3200 + w1600 + w800, upright, no metadata), then the
// baseline N times (SKBitmap.Decode at full size + one full-size JPEG encode: no scaled decoding, no resampling, no
// orientation), and prints the median time of each, their ratio, and the working-set growth over the idle process.
// Then a 75 MP scan-like PNG, to show what a picture without scaled decoding costs (4 bytes a pixel, decoded whole).
using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using Newsletter.Web.Features.Media;
using SkiaSharp;

var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
var photo = PhoneJpeg(4000, 3000);
var processor = new ImageProcessor(Options.Create(new MediaOptions()));
Console.Error.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}; input {photo.Length / 1024d / 1024d:0.00} MB, {runs} runs each");

var before = Settle();
var ours = Measure("ours", runs, () => Ours(processor, photo, "IMG_0001.JPG"));
var peakAfterOurs = Process.GetCurrentProcess().PeakWorkingSet64;
var baseline = Measure("baseline", runs, () =>
{
    using var bitmap = SKBitmap.Decode(photo);
    using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
    return (int)data.Size;
});

var result = processor.Process(photo, "IMG_0001.JPG").Value!;
Console.WriteLine("### A 12 MP phone JPEG");
Console.WriteLine($"Output: {result.ContentType}, " + string.Join(", ", result.Variants.Select(v => $"{v.Name} {v.Width}×{v.Height} {v.Bytes.Length / 1024} KB")));
Console.WriteLine();
Console.WriteLine("| | median | fastest | slowest | CPU per run (median) | peak working-set growth (sampled every 2 ms) |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
Console.WriteLine(Row("ImageProcessor.Process (ours)", ours));
Console.WriteLine(Row("SKBitmap.Decode + full-size encode (baseline)", baseline));
Console.WriteLine();
var ratio = baseline.Median / ours.Median;
Console.WriteLine($"Ratio: ours takes {1 / ratio:0.00}× the baseline's time (baseline ÷ ours = {ratio:0.00}); by CPU {ours.CpuMedian / baseline.CpuMedian:0.00}×.");
Console.WriteLine($"Process peak working set (VmHWM) growth during ours: {(peakAfterOurs - before) / 1048576d:0} MB (idle {before / 1048576d:0} MB).");
var timeOk = ours.Median <= 1500;
var memoryOk = ours.PeakGrowthMb <= 300 && (peakAfterOurs - before) / 1048576d <= 300;
Console.WriteLine($"Targets: median ≤ 1.5 s {(timeOk ? "PASS" : "FAIL")}; peak growth ≤ 300 MB {(memoryOk ? "PASS" : "FAIL")}");

// A 75 MP scan-like PNG (under the 100 MP limit): PNG has no scaled (or, in this Skia, scanline) decoding, so both decode it whole.
var scan = ScanPng(10000, 7500);
Console.Error.WriteLine($"PNG input {scan.Length / 1024d / 1024d:0.00} MB");
var pngRuns = Math.Max(3, runs / 3);
var oursPng = Measure("ours PNG", pngRuns, () => Ours(processor, scan, "scan.png"));
var baselinePng = Measure("baseline PNG", pngRuns, () =>
{
    using var bitmap = SKBitmap.Decode(scan);
    using var full = bitmap.Resize(new SKSizeI(3200, 2400), new SKSamplingOptions(SKCubicResampler.Mitchell));
    using var data = full.Encode(SKEncodedImageFormat.Jpeg, 85);
    return (int)data.Size;
});
Console.WriteLine();
Console.WriteLine($"### A 75 MP PNG (10000×7500, {scan.Length / 1024d / 1024d:0.0} MB)");
Console.WriteLine();
Console.WriteLine("| | median | fastest | slowest | CPU per run (median) | peak working-set growth (sampled every 2 ms) |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
Console.WriteLine(Row("ImageProcessor.Process (ours: whole decode, halvings + Mitchell, 3 outputs)", oursPng));
Console.WriteLine(Row("SKBitmap.Decode whole + Mitchell to 3200 + encode (baseline)", baselinePng));
return timeOk && memoryOk ? 0 : 1;

static int Ours(ImageProcessor processor, byte[] content, string name)
{
    var outcome = processor.Process(content, name);
    return outcome.Value?.Variants.Sum(v => v.Bytes.Length) ?? throw new InvalidOperationException(outcome.Message);
}

static string Row(string name, Figures f) =>
    string.Create(CultureInfo.InvariantCulture, $"| {name} | {f.Median:0} ms | {f.Fastest:0} ms | {f.Slowest:0} ms | {f.CpuMedian:0} ms | {f.PeakGrowthMb:0} MB |");

static long Settle()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    using var self = Process.GetCurrentProcess();
    return self.WorkingSet64;
}

static Figures Measure(string name, int runs, Func<int> work)
{
    work(); // warm-up: JIT, Skia's first use
    var times = new List<double>();
    var cpu = new List<double>();
    var peak = 0L;
    for (var i = 0; i < runs; i++)
    {
        var idle = Settle();
        using var sampler = new PeakSampler(idle);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        work();
        times.Add(watch.Elapsed.TotalMilliseconds);
        cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
        peak = Math.Max(peak, sampler.Stop());
        Console.Error.WriteLine($"{name} {i + 1}: {times[^1]:0} ms, CPU {cpu[^1]:0} ms");
    }

    times.Sort();
    cpu.Sort();
    return new Figures(times[times.Count / 2], times[0], times[^1], cpu[cpu.Count / 2], peak / 1048576d);
}

/// <summary>A 12 MP picture with smooth gradients and sensor-like noise (so the JPEG is photo-sized), EXIF orientation 6 spliced in.</summary>
static byte[] PhoneJpeg(int width, int height)
{
    using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Opaque));
    var pixels = MemoryMarshal.Cast<byte, uint>(bitmap.GetPixelSpan());
    var random = new Random(15);
    for (var y = 0; y < height; y++)
    {
        for (var x = 0; x < width; x++)
        {
            var n = random.Next(-12, 13);
            var r = Math.Clamp(60 + 150 * x / width + n, 0, 255);
            var g = Math.Clamp(40 + 170 * y / height + n, 0, 255);
            var b = Math.Clamp(200 - 120 * (x + y) / (width + height) + (int)(25 * Math.Sin(x / 90.0) * Math.Cos(y / 70.0)) + n, 0, 255);
            pixels[y * width + x] = 0xFF000000u | (uint)r << 16 | (uint)g << 8 | (uint)b;
        }
    }

    using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 92);
    var jpeg = data.ToArray();
    var tiff = new byte[8 + 2 + 12 + 4];
    "II*\0"u8.CopyTo(tiff);
    BinaryPrimitives.WriteInt32LittleEndian(tiff.AsSpan(4), 8);
    BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(8), 1);
    BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(10), 0x0112); // Orientation
    BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(12), 3); // SHORT
    BinaryPrimitives.WriteInt32LittleEndian(tiff.AsSpan(14), 1);
    BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(18), 6); // rotate 90° clockwise to view
    byte[] payload = [.. "Exif\0\0"u8, .. tiff];
    byte[] app1 = [0xFF, 0xE1, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2), .. payload];
    return [.. jpeg[..2], .. app1, .. jpeg[2..]];
}

/// <summary>A scanned-page-like picture: smooth gradients and soft bands, no noise (so it stays under the 20 MB upload limit).</summary>
static byte[] ScanPng(int width, int height)
{
    using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Opaque));
    var pixels = MemoryMarshal.Cast<byte, uint>(bitmap.GetPixelSpan());
    for (var y = 0; y < height; y++)
    {
        for (var x = 0; x < width; x++)
        {
            var r = 200 + (40 * x / width);
            var g = 190 + (50 * y / height);
            var b = (y / 40 % 6 == 0) ? 60 : 220;
            pixels[(y * width) + x] = 0xFF000000u | (uint)r << 16 | (uint)g << 8 | (uint)b;
        }
    }

    using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
    return data.ToArray();
}

/// <summary>CPU time includes the sampler thread (a few ms) and any GC; Skia itself decodes and encodes on the calling thread.</summary>
internal sealed record Figures(double Median, double Fastest, double Slowest, double CpuMedian, double PeakGrowthMb);

/// <summary>Samples the working set on its own thread; the largest growth over the idle figure is the run's peak.</summary>
internal sealed class PeakSampler : IDisposable
{
    private readonly long idle;
    private readonly Thread thread;
    private volatile bool running = true;
    private long peak;

    public PeakSampler(long idle)
    {
        this.idle = idle;
        thread = new Thread(() =>
        {
            using var self = Process.GetCurrentProcess();
            while (running)
            {
                self.Refresh();
                peak = Math.Max(peak, self.WorkingSet64 - this.idle);
                Thread.Sleep(2);
            }
        }) { IsBackground = true };
        thread.Start();
    }

    public long Stop()
    {
        running = false;
        thread.Join();
        return peak;
    }

    public void Dispose() => Stop();
}
