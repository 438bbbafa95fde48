using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Newsletter.IntegrationTests.Features;

[Collection(SharedPortal.Name)]
public class HealthTests(PortalFactory portal)
{
    [Fact]
    public async Task Healthz_reports_the_database_state()
    {
        var response = await portal.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var database = json.RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal("数据库正常", database.GetProperty("description").GetString());
        Assert.Equal(0, database.GetProperty("data").GetProperty("pendingMigrations").GetInt32());
        Assert.Equal(1, database.GetProperty("data").GetProperty("issues").GetInt32());
    }

    [Fact]
    public void Logs_go_to_a_rolling_file_in_the_data_folder()
    {
        var marker = "日志测试 " + Guid.NewGuid().ToString("N");
        var logger = portal.Services.GetRequiredService<ILogger<HealthTests>>();
        logger.LogWarning("{Marker}", marker);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(portal.DataPath, "logs"), "portal-*.log"));
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        Assert.Contains(marker, new StreamReader(stream).ReadToEnd());
    }
}
