// Writes the fixtures' sources (see make-fixtures.sh):
//   dotnet run -- <seed.txt> <out.docx>          the seed as an office's .docx
//   dotnet run -- --scan <page.png> <out.pdf>    a "scanned" PDF: one A4 page holding only the picture
using Newsletter.UnitTests.Features.Editorial.Import;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

if (args[0] == "--scan")
{
    var builder = new PdfDocumentBuilder();
    var page = builder.AddPage(PageSize.A4);
    page.AddPng(File.ReadAllBytes(args[1]), new PdfRectangle(0, 0, page.PageSize.Width, page.PageSize.Height));
    File.WriteAllBytes(args[2], builder.Build());
}
else
{
    File.WriteAllBytes(args[1], OfficeDocx.Build(File.ReadAllText(args[0])));
}

Console.WriteLine($"{args[^1]}: {new FileInfo(args[^1]).Length:N0} bytes");
