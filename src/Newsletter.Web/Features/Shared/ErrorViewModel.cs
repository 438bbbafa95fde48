namespace Newsletter.Web.Features.Shared;

/// <summary>The Chinese error page (Error.cshtml): the status code and what it means for the reader.</summary>
public sealed record ErrorViewModel(int StatusCode, string Message);
