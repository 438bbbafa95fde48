using Microsoft.Playwright;

namespace Newsletter.EndToEndTests;

/// <summary>
/// One headless Chromium for the whole collection: Debian's /usr/bin/chromium, driven by Playwright's
/// bundled Node driver (no browser is ever downloaded: `playwright install` is never run).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"The end-to-end tests need Debian's Chromium at {ChromiumPath} (apt-get install chromium fonts-noto-cjk).");
        Assertions.SetDefaultExpectTimeout(15_000); // the portal and Chromium share a busy CI machine
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        Playwright.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Chromium";
}
