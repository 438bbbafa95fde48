using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newsletter.Web.Features.Media;

namespace Newsletter.UnitTests.Features.Media;

/// <summary>The Media section reaches the one processor; a nonsensical limit stops the portal at start.</summary>
public sealed class MediaRegistrationTests
{
    [Fact]
    public void AddMedia_binds_the_media_section()
    {
        using var provider = Services(new() { ["Media:MaxUploadMegabytes"] = "5", ["Media:VariantWidths:0"] = "640" });

        var options = provider.GetRequiredService<IOptions<MediaOptions>>().Value;
        var refused = provider.GetRequiredService<ImageProcessor>().Process(new byte[6 * 1024 * 1024], "big.jpg");

        Assert.Equal(5 * 1024L * 1024L, options.MaxUploadBytes);
        Assert.Equal([640], options.VariantWidths); // replaced, not appended to the default [800, 1600]
        Assert.Same(provider.GetRequiredService<ImageProcessor>(), provider.GetRequiredService<ImageProcessor>());
        Assert.Contains("超过 5 MB", refused.Message);
    }

    [Fact]
    public void AddMedia_without_a_section_keeps_the_defaults()
    {
        using var provider = Services([]);

        var options = provider.GetRequiredService<IOptions<MediaOptions>>().Value;

        Assert.Equal((20, 3200, 100_000_000L), (options.MaxUploadMegabytes, options.MasterEdge, options.MaxPixels));
        Assert.Equal([800, 1600], options.VariantWidths);
    }

    [Fact]
    public void AddMedia_refuses_a_zero_master_edge()
    {
        using var provider = Services(new() { ["Media:MasterEdge"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MediaOptions>>().Value);
        Assert.Contains("MasterEdge", error.Message);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddMedia(configuration).BuildServiceProvider();
    }
}
