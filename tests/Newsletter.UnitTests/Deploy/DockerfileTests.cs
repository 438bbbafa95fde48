using Newsletter.Web.Features.Issues.Pdf;

namespace Newsletter.UnitTests.Deploy;

/// <summary>
/// The production image's recipe, read with <see cref="DockerfileReader"/> (no Docker engine runs on this machine, so the
/// image itself is never built here): Debian's Chromium and CJK fonts for the PDF, a user of its own, a health check.
/// </summary>
public class DockerfileTests
{
    private static readonly string Root = Path.GetDirectoryName(SeedFiles.Folder)!;

    private static readonly IReadOnlyList<DockerInstruction> All = DockerfileReader.Read(File.ReadAllText(Path.Combine(Root, "Dockerfile")));

    private static readonly List<DockerInstruction> Runtime = All.Where(i => i.Stage == All.Max(x => x.Stage)).ToList();

    [Fact]
    public void Runtime_image_is_Debian_with_its_chromium_and_the_CJK_fonts_where_the_portal_looks()
    {
        Assert.StartsWith("debian:bookworm", Runtime[0].Arguments);
        var install = Assert.Single(Runtime, i => i.Keyword == "RUN" && i.Arguments.Contains("apt-get install"));
        var packages = install.Arguments.Split(' ');
        Assert.Contains("chromium", packages);
        Assert.Contains("fonts-noto-cjk", packages);
        Assert.Contains("libicu72", packages);
        Assert.Equal(new PdfOptions().ChromiumPath, DockerfileReader.Environment(Runtime)["Pdf__ChromiumPath"]);
    }

    [Fact]
    public void Runtime_image_runs_as_its_own_user_who_owns_only_the_data_folder()
    {
        var user = Assert.Single(Runtime, i => i.Keyword == "USER").Arguments;
        Assert.DoesNotContain(user, new[] { "root", "0", "0:0" });
        Assert.Contains(Runtime, i => i.Keyword == "RUN" && i.Arguments.Contains($"useradd --system") && i.Arguments.EndsWith(
            $"&& chown {user}:{user} /data"));
        var userAt = Runtime.FindIndex(i => i.Keyword == "USER");
        Assert.True(userAt < Runtime.FindIndex(i => i.Keyword == "ENTRYPOINT"), "USER must come before ENTRYPOINT");
        Assert.DoesNotContain(Runtime.Skip(userAt), i => i.Keyword is "RUN" or "COPY" or "ADD");
    }

    [Fact]
    public void Runtime_image_checks_healthz_on_the_port_it_listens_on_in_Beijing_time()
    {
        var environment = DockerfileReader.Environment(Runtime);
        Assert.Equal("http://+:8080", environment["ASPNETCORE_URLS"]);
        Assert.Equal("Asia/Shanghai", environment["TZ"]);
        Assert.Equal("/data", environment["DataPath"]);
        Assert.Equal("/data", Assert.Single(Runtime, i => i.Keyword == "VOLUME").Arguments);
        var health = Assert.Single(Runtime, i => i.Keyword == "HEALTHCHECK").Arguments;
        Assert.Contains("CMD curl -fsS -o /dev/null http://127.0.0.1:8080/healthz", health);
        Assert.Contains("curl", Assert.Single(Runtime, i => i.Arguments.Contains("apt-get install")).Arguments.Split(' '));
    }

    [Fact]
    public void Build_stage_copies_files_that_exist_and_publishes_the_executable_the_entrypoint_starts()
    {
        var build = All.Where(i => i.Stage == 0).ToList();
        var sources = build.Where(i => i.Keyword == "COPY").SelectMany(i => i.Arguments.Split(' ')[..^1]).ToList();
        Assert.Contains("Directory.Build.targets", sources);
        Assert.All(sources, s => Assert.True(File.Exists(Path.Combine(Root, s)) || Directory.Exists(Path.Combine(Root, s)), s));
        Assert.Contains(Runtime.Where(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from")).Select(i => i.Arguments.Split(' ')[0]),
            s => Directory.Exists(Path.Combine(Root, s)));

        var publish = Assert.Single(build, i => i.Arguments.Contains("dotnet publish")).Arguments;
        Assert.Contains("-r linux-x64 --self-contained true", publish);
        Assert.Contains("src/Newsletter.Web/Newsletter.Web.csproj", publish);
        Assert.Equal("[\"/app/Newsletter.Web\"]", Assert.Single(Runtime, i => i.Keyword == "ENTRYPOINT").Arguments);
    }

    [Fact]
    public void Dockerignore_keeps_secrets_and_local_data_out_of_the_build()
    {
        var ignored = File.ReadAllLines(Path.Combine(Root, ".dockerignore")).Where(l => !l.StartsWith('#')).ToList();
        Assert.Contains(".env", ignored);
        Assert.Contains("**/App_Data/", ignored);
        Assert.DoesNotContain(ignored, l => l.TrimEnd('/') is "src" or "seeds");
    }

    [Fact]
    public void Reader_refuses_what_Docker_would_refuse()
    {
        Assert.Throws<FormatException>(() => DockerfileReader.Read("FROM debian\nRUNN echo hi\n"));
        Assert.Throws<FormatException>(() => DockerfileReader.Read("RUN echo before any FROM\n"));
        Assert.Throws<FormatException>(() => DockerfileReader.Read("FROM debian\nUSER\n"));
        var read = DockerfileReader.Read("FROM a AS b\n# note\nRUN x \\\n    && y\nFROM c\nENV A=1 \\\n    B=\"two\"\n");
        Assert.Equal(["FROM", "RUN", "FROM", "ENV"], read.Select(i => i.Keyword));
        Assert.Equal("x && y", read[1].Arguments);
        Assert.Equal(new Dictionary<string, string> { ["A"] = "1", ["B"] = "two" }, DockerfileReader.Environment(read.Where(i => i.Stage == 1)));
    }
}
