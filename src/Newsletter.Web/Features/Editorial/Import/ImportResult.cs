namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>The outcome of an import step: a value, or the reasons (in Chinese) it was refused.</summary>
public sealed class ImportResult<T>
{
    private ImportResult(T? value, IReadOnlyList<string> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    public IReadOnlyList<string> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    public static ImportResult<T> Ok(T value) => new(value, []);

    public static ImportResult<T> Fail(params IEnumerable<string> errors) => new(default, errors.ToList());
}
