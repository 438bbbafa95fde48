using System.Text.RegularExpressions;
using Newsletter.Web.Features.Editorial.Import;
using Newsletter.Web.Features.Media;

namespace Newsletter.UnitTests.Deploy;

/// <summary>
/// deploy/: the nginx site and the systemd unit agree with each other and with the portal (deploy/check.sh runs them
/// for real, by hand; these keep them from drifting apart in every test run).
/// </summary>
public partial class DeployFilesTests
{
    private static readonly string Root = Path.GetDirectoryName(SeedFiles.Folder)!;

    private static readonly string Site = File.ReadAllText(Path.Combine(Root, "deploy", "nginx", "newsletter.conf"));

    private static readonly string[] Unit = File.ReadAllLines(Path.Combine(Root, "deploy", "systemd", "newsletter.service"));

    private static string Directive(string name) => Assert.Single(Regex.Matches(Site, $@"^\s*{name}\s+([^;{{}}\n]+);", RegexOptions.Multiline)).Groups[1].Value;

    private static List<string> UnitValues(string key) => Unit.Where(l => l.StartsWith(key + "=", StringComparison.Ordinal)).Select(l => l[(key.Length + 1)..]).ToList();

    private static string Environment(string name) =>
        Assert.Single(UnitValues("Environment"), e => e.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];

    [Fact]
    public void Nginx_takes_the_largest_upload_the_portal_takes_and_no_more()
    {
        Assert.Equal($"{BatchUploadSizeLimitAttribute.MaxRequestBytes / 1024 / 1024}m", Directive("client_max_body_size"));
        Assert.True(BatchUploadSizeLimitAttribute.MaxRequestBytes > new MediaOptions().MaxUploadBytes);
    }

    [Fact]
    public void Nginx_proxies_to_the_address_the_unit_listens_on_with_the_forwarded_headers()
    {
        Assert.Equal(new Uri(Environment("ASPNETCORE_URLS")).Authority, Directive("server"));
        Assert.Contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;", Site);
        Assert.Contains("proxy_set_header X-Forwarded-Proto $scheme;", Site);
        Assert.Contains("listen 443 ssl http2;", Site);
        Assert.Contains("return 301 https://$host$request_uri;", Site);
        Assert.DoesNotContain("Strict-Transport-Security", Site); // the portal sends it, once
        foreach (var type in new[] { "text/css", "application/javascript", "application/atom+xml" })
        {
            Assert.Contains(type, Directive("gzip_types"));
            Assert.Contains(type, Directive("brotli_types"));
        }
    }

    [Fact]
    public void Unit_runs_as_its_own_user_read_only_except_the_data_folder_and_restarts_on_failure()
    {
        Assert.Equal(["newsletter"], UnitValues("User"));
        Assert.Equal(["strict"], UnitValues("ProtectSystem"));
        Assert.Equal([Environment("DataPath")], UnitValues("ReadWritePaths"));
        Assert.Equal(["on-failure"], UnitValues("Restart"));
        Assert.Equal(["true"], UnitValues("NoNewPrivileges"));
        Assert.Equal("Asia/Shanghai", Environment("TZ"));
        Assert.Equal("Production", Environment("ASPNETCORE_ENVIRONMENT"));
        Assert.StartsWith("http://127.0.0.1:", Environment("ASPNETCORE_URLS"));
        Assert.Empty(UnitValues("MemoryDenyWriteExecute")); // the JIT writes the code it runs
        Assert.All(Unit.Where(l => l.Contains("Password", StringComparison.OrdinalIgnoreCase) && !l.StartsWith('#')), l => Assert.Fail($"a secret in the unit: {l}"));
    }
}
