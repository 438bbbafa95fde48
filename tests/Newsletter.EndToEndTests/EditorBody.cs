using Microsoft.Playwright;

namespace Newsletter.EndToEndTests;

/// <summary>
/// The body field under the Markdown editor (EasyMDE hides the textarea, which stays the form's field): text and cursor
/// are set through the editor, as typing would, so the 图片和附件 panel and the preview see them.
/// </summary>
public static class EditorBody
{
    public static Task FillBodyAsync(this IPage page, string text) => page.EvaluateAsync(
        "text => { const cm = window.NewsletterEditor.codemirror; cm.setValue(text); cm.focus(); cm.setCursor(cm.lineCount(), 0); }", text);

    /// <summary>The cursor after <paramref name="index"/> characters of the body; null for its end.</summary>
    public static Task PlaceCursorAsync(this IPage page, int? index = null) => page.EvaluateAsync(
        "at => { const cm = window.NewsletterEditor.codemirror; cm.focus(); cm.setCursor(at === null ? cm.posFromIndex(cm.getValue().length) : cm.posFromIndex(at)); }", index);
}
