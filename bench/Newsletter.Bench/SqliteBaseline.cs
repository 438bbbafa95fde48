using Microsoft.Data.Sqlite;
using Newsletter.Web.Features.Admin.Search;
using Newsletter.Web.Features.Search;

namespace Newsletter.Bench;

/// <summary>
/// What a simple portal does instead of a search index: the articles in a SQLite table, searched with
/// <c>LIKE '%词%'</c> on title and body — one query for the page (newest ten) and one COUNT(*) for the total.
/// </summary>
public sealed class SqliteBaseline : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly SqliteCommand page;
    private readonly SqliteCommand count;

    private SqliteBaseline(SqliteConnection connection)
    {
        this.connection = connection;
        page = Command("SELECT id, title, label, body FROM articles WHERE title LIKE $q OR body LIKE $q ORDER BY id DESC LIMIT 10");
        count = Command("SELECT COUNT(*) FROM articles WHERE title LIKE $q OR body LIKE $q");
    }

    public long FileBytes => new FileInfo(connection.DataSource).Length;

    /// <summary>Creates the database file and inserts the articles in one transaction.</summary>
    public static SqliteBaseline Create(string file, IEnumerable<SearchDocument> documents)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT NOT NULL, label TEXT NOT NULL, body TEXT NOT NULL)";
            create.ExecuteNonQuery();
        }

        using (var transaction = connection.BeginTransaction())
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO articles (id, title, label, body) VALUES ($id, $title, $label, $body)";
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var title = insert.Parameters.Add("$title", SqliteType.Text);
            var label = insert.Parameters.Add("$label", SqliteType.Text);
            var body = insert.Parameters.Add("$body", SqliteType.Text);
            insert.Prepare();
            foreach (var d in documents)
            {
                (id.Value, title.Value, label.Value, body.Value) = (d.ArticleId, d.Title, d.IssueLabel, d.Body);
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        return new SqliteBaseline(connection);
    }

    /// <summary>One results page: the newest ten matches (read in full) and the total; returns the total.</summary>
    public long Search(string word)
    {
        var pattern = "%" + word + "%";
        page.Parameters["$q"].Value = pattern;
        count.Parameters["$q"].Value = pattern;
        using (var reader = page.ExecuteReader())
        {
            while (reader.Read())
            {
                _ = (reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
            }
        }

        return (long)count.ExecuteScalar()!;
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("$q", SqliteType.Text);
        return command;
    }

    public void Dispose()
    {
        page.Dispose();
        count.Dispose();
        connection.Dispose();
    }
}
