using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Newsletter.UnitTests.Deploy;

/// <summary>
/// docker-compose.yml read with a YAML parser (no Docker engine runs here): the portal starts only once SQL Server is
/// healthy, and every secret comes from .env, whose committed template .env.example names each one and fills in none.
/// </summary>
public partial class ComposeFileTests
{
    private static readonly string Root = Path.GetDirectoryName(SeedFiles.Folder)!;

    private static readonly string Text = File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));

    private static YamlMappingNode Services()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(Text));
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents.Single().RootNode)["services"];
    }

    private static YamlMappingNode Service(string name) => (YamlMappingNode)Services()[name];

    private static Dictionary<string, string> Example() => File.ReadAllLines(Path.Combine(Root, ".env.example"))
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split('=', 2))
        .ToDictionary(p => p[0], p => p[1]);

    [Fact]
    public void Portal_waits_until_the_database_answers_its_health_check()
    {
        var db = Service("db");
        var test = (YamlSequenceNode)((YamlMappingNode)db["healthcheck"])["test"];
        Assert.Contains("sqlcmd", string.Join(' ', test.Children.Select(c => c.ToString())));

        var dependsOn = (YamlMappingNode)Service("portal")["depends_on"];
        Assert.Equal("service_healthy", ((YamlMappingNode)dependsOn["db"])["condition"].ToString());
        Assert.Equal("SqlServer", ((YamlMappingNode)Service("portal")["environment"])["Database__Provider"].ToString());
    }

    [Fact]
    public void Secrets_come_only_from_the_env_file_and_the_template_names_each_one_empty()
    {
        var envFile = (YamlMappingNode)((YamlSequenceNode)Service("portal")["env_file"]).Children.Single();
        Assert.Equal(".env", envFile["path"].ToString());

        var secrets = new List<string>();
        foreach (var service in Services().Children.Values.Cast<YamlMappingNode>())
        {
            if (service.Children.TryGetValue("environment", out var environment))
            {
                foreach (var (key, value) in ((YamlMappingNode)environment).Children)
                {
                    var text = value.ToString();
                    if (Regex.IsMatch(key + "=" + text, "password", RegexOptions.IgnoreCase))
                    {
                        // A password is never written in the file, and never has a default: a missing one stops compose.
                        Assert.Matches(@"\$\{MSSQL_SA_PASSWORD:\?[^}]+\}", text);
                        secrets.Add(key.ToString());
                    }
                }
            }
        }

        Assert.Equal(["MSSQL_SA_PASSWORD", "ConnectionStrings__Newsletter"], secrets);

        var example = Example();
        Assert.All(Variable().Matches(Text).Select(m => m.Groups[1].Value), v => Assert.Contains(v, example.Keys));
        Assert.All(example.Where(p => Regex.IsMatch(p.Key, "PASSWORD|Password|__User$")), p => Assert.Equal("", p.Value));
        Assert.Contains(".env", File.ReadAllLines(Path.Combine(Root, ".gitignore")));
    }

    [Fact]
    public void Template_keys_are_settings_the_portal_reads()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        foreach (var key in Example().Keys.Where(k => k != "MSSQL_SA_PASSWORD"))
        {
            Assert.Contains($"`{key.Replace("__", ":")}`", readme);
        }
    }

    [Fact]
    public void Portal_is_published_on_loopback_only_for_the_web_server_in_front()
    {
        var ports = (YamlSequenceNode)Service("portal")["ports"];
        Assert.Equal("127.0.0.1:8080:8080", Assert.Single(ports.Children).ToString());
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Variable();
}
