using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// Turns the body of a Word document into the line structure of an issue's text file: one line per
/// paragraph with a blank line after it (so the parser's paragraph and page-break rules apply as they
/// are), tabs kept (a 目录 page number often follows one), soft line breaks as line breaks, a table
/// row as its cells joined by tabs ("title\tpage" for a 目录 laid out as a table), and text boxes
/// before the paragraph they are anchored to. From the 目录 on, a paragraph in a heading style
/// (标题 1, Heading 1, …: a section name or an article title) stays one line even where it was
/// wrapped by hand. Field codes, deleted text and the fallback copy of a drawing are left out;
/// automatic list numbers and bullets (which Word draws but does not store as text) are not added.
/// A picture becomes a paragraph of its own holding its <see cref="PictureMark"/>, where it stood (a paragraph with
/// text around a picture is cut there); a table that holds pictures is a layout table, read cell by cell.
/// </summary>
internal sealed class WordText(WordHeadings headings, WordPictures? pictures = null, CancellationToken ct = default)
{
    private readonly List<string> paragraphs = [];

    /// <summary>Past the 目录 line: a heading there is a section name or an article title, not the masthead.</summary>
    private bool afterToc;

    public string Read(Body body)
    {
        ReadBlocks(body);
        return string.Join("\n\n", paragraphs) + "\n";
    }

    private void ReadBlocks(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            ct.ThrowIfCancellationRequested();
            switch (child)
            {
                case Paragraph paragraph:
                    ReadParagraph(paragraph);
                    break;
                case Table table:
                    ReadTable(table);
                    break;
                case SectionProperties or SdtProperties or SdtEndCharProperties:
                    break;
                default:
                    ReadBlocks(child); // content controls (an automatic 目录 sits in one), custom XML
                    break;
            }
        }
    }

    private void ReadParagraph(Paragraph paragraph)
    {
        var text = new StringBuilder();
        var boxes = new List<TextBoxContent>();
        ReadInline(paragraph, text, boxes);
        foreach (var box in boxes)
        {
            ReadBlocks(box);
        }

        var line = text.ToString();
        var heading = afterToc && headings.IsHeading(paragraph);
        if (!PictureMark.Contains(line))
        {
            Add(heading ? Flatten(line.Split('\n')) : line);
            return;
        }

        foreach (var piece in PictureMark.Split(line))
        {
            Add(heading && !PictureMark.IsMark(piece) ? Flatten(piece.Split('\n')) : piece.Trim('\n'));
        }
    }

    private void Add(string line)
    {
        afterToc |= TextRules.Compact(line) == "目录";
        if (!string.IsNullOrWhiteSpace(line))
        {
            paragraphs.Add(line);
        }
    }

    private void ReadInline(OpenXmlElement element, StringBuilder text, List<TextBoxContent> boxes)
    {
        foreach (var child in element.ChildElements)
        {
            if (pictures?.Mark(child) is { } mark)
            {
                text.Append(mark);
                continue;
            }

            switch (child)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar or PositionalTab:
                    text.Append('\t');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
                case TextBoxContent box:
                    boxes.Add(box);
                    break;
                case DocumentFormat.OpenXml.AlternateContentFallback or DeletedRun or MoveFromRun or RubyContent
                    or ParagraphProperties or RunProperties or FieldCode or DeletedText:
                    break;
                default:
                    ReadInline(child, text, boxes);
                    break;
            }
        }
    }

    /// <summary>
    /// Each row on its own line, cells joined by tabs; a cell's own paragraphs run together. A row with a picture (a photo
    /// beside or above its caption) is layout, not a list: each cell's paragraphs are read as paragraphs.
    /// </summary>
    private void ReadTable(Table table)
    {
        foreach (var row in table.Descendants<TableRow>().Where(r => r.Ancestors<Table>().First() == table))
        {
            var cells = row.Descendants<TableCell>()
                .Where(c => c.Ancestors<TableRow>().First() == row)
                .Select(CellParagraphs)
                .ToList();
            if (cells.Any(c => c.Any(PictureMark.Contains)))
            {
                cells.SelectMany(c => c).ToList().ForEach(Add);
                continue;
            }

            Add(string.Join("\t", cells.Select(c => Flatten(c.SelectMany(p => p.Split('\n', '\t'))))).TrimEnd('\t'));
        }
    }

    private List<string> CellParagraphs(TableCell cell)
    {
        var inner = new WordText(headings, pictures, ct);
        inner.ReadBlocks(cell);
        return inner.paragraphs;
    }

    /// <summary>Pieces run together as one line, with a space only between two Latin letters or digits.</summary>
    private static string Flatten(IEnumerable<string> pieces)
    {
        var line = new StringBuilder();
        foreach (var piece in pieces.Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            if (line.Length > 0 && char.IsAsciiLetterOrDigit(line[^1]) && char.IsAsciiLetterOrDigit(piece[0]))
            {
                line.Append(' ');
            }

            line.Append(piece);
        }

        return line.ToString();
    }
}
