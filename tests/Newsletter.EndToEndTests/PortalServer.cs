using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Newsletter.IntegrationTests;
using Newsletter.IntegrationTests.Features.Admin.Dispatches;

namespace Newsletter.EndToEndTests;

/// <summary>
/// The real portal on Kestrel, on 127.0.0.1 and a free port, with a fresh data folder (the seed issue
/// 总第65期 imported at start) and the in-process SMTP server for the e-mail sent on publication.
/// </summary>
public sealed class PortalServer : IAsyncLifetime
{
    public TestSmtpServer Smtp { get; } = new();

    public PortalFactory Portal { get; private set; } = null!;

    /// <summary>http://127.0.0.1:port, without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    public Task InitializeAsync()
    {
        var settings = DistributionFixture.SmtpSettings(Smtp);
        settings["Search:PollSeconds"] = "1";
        Portal = new PortalFactory { Settings = settings };
        Portal.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        Portal.StartServer();
        var addresses = Portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Assert.All(addresses, a => Assert.StartsWith("http://127.0.0.1:", a)); // loopback only, never another interface
        BaseUrl = addresses.First().TrimEnd('/');
        Portal.KestrelAddress = new Uri(BaseUrl);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Portal.Dispose();
        await Smtp.DisposeAsync();
    }
}
