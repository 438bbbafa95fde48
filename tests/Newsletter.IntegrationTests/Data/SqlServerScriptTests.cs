using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Newsletter.Web.Data;

namespace Newsletter.IntegrationTests.Data;

/// <summary>
/// No SQL Server runs on this machine, so the idempotent migration script (what <c>dotnet ef migrations script
/// --idempotent</c> writes, made here by the same migrator) is parsed by Microsoft's own T-SQL parser for SQL Server 2022:
/// a script the server would reject as syntax fails the suite. The SQL that idempotent scripts wrap in EXEC('…') is
/// parsed too, since the outer parse sees it only as a string.
/// </summary>
public class SqlServerScriptTests
{
    private static string IdempotentScript()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }

    private static (TSqlFragment Script, IList<ParseError> Errors) Parse(string sql)
    {
        var script = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return (script, errors);
    }

    private static string Describe(IList<ParseError> errors, string sql) => string.Join("\n", errors.Select(e =>
        $"line {e.Line}: {e.Message} near: {sql.Split('\n')[Math.Max(0, e.Line - 1)].Trim()}"));

    [Fact]
    public void Idempotent_migration_script_parses_as_SQL_Server_2022_T_SQL()
    {
        var sql = IdempotentScript();
        var (script, errors) = Parse(sql);
        Assert.True(errors.Count == 0, Describe(errors, sql));

        var batches = ((TSqlScript)script).Batches;
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var migrations = db.Database.GetMigrations().ToList();
        Assert.True(batches.Count >= migrations.Count, $"{batches.Count} batches for {migrations.Count} migrations");
        Assert.All(migrations, m => Assert.Contains($"N'{m}'", sql));
        Assert.Contains("CREATE TABLE [Issues]", sql);
    }

    [Fact]
    public void Dynamic_sql_inside_the_script_parses_too()
    {
        var (script, _) = Parse(IdempotentScript());
        var dynamic = new DynamicSql();
        script.Accept(dynamic);
        Assert.NotEmpty(dynamic.Statements);
        foreach (var statement in dynamic.Statements)
        {
            var (_, errors) = Parse(statement);
            Assert.True(errors.Count == 0, Describe(errors, statement));
        }
    }

    [Fact]
    public void Parser_rejects_what_SQL_Server_would_reject()
    {
        Assert.NotEmpty(Parse("CREATE TABLE [Issues] ([Id] int NOT NULL IDENTITY,, CONSTRAINT [PK] PRIMARY KEY ([Id]));").Errors);
        Assert.NotEmpty(Parse("IF NOT EXISTS (SELECT 1) BEGIN ALTER TABLE [Issues] ADD [X] nvarchar(max) NULL; END\nGO\nEXEC(N'CREATE INDEX') ; END").Errors);
        Assert.Empty(Parse("IF NOT EXISTS (SELECT 1) BEGIN ALTER TABLE [Issues] ADD [X] nvarchar(max) NULL; END;\nGO\n").Errors);
    }

    /// <summary>The text of every EXEC('…') / EXEC(N'…') in the script, quotes unescaped.</summary>
    private sealed class DynamicSql : TSqlFragmentVisitor
    {
        public List<string> Statements { get; } = [];

        public override void ExplicitVisit(ExecutableStringList node)
        {
            Statements.Add(string.Concat(node.Strings.OfType<StringLiteral>().Select(s => s.Value)));
            base.ExplicitVisit(node);
        }
    }
}
