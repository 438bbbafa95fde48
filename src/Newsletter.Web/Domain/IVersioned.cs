namespace Newsletter.Web.Domain;

/// <summary>An entity whose <see cref="Version"/> is its optimistic-concurrency token, raised on every save.</summary>
public interface IVersioned
{
    int Version { get; set; }
}
