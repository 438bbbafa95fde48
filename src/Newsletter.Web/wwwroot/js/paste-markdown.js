// Pasting from Word or a web page: the clipboard's HTML becomes clean Markdown with turndown (+ its GFM plugin for
// tables). Fonts, colours, Word's <o:p> and conditional comments, pictures (file:/// paths the portal cannot show) and
// empty paragraphs go; headings (h1/h2 → ##, h3… → ###), lists (Word's mso-list paragraphs too), bold and tables stay.
// window.NewsletterPaste.toMarkdown(html) is used by editor.js.
(function () {
  "use strict";
  if (!window.TurndownService) { return; }
  var space = /^[\s\u00a0\u3000]+/;

  function unwrap(node) {
    while (node.firstChild) { node.parentNode.insertBefore(node.firstChild, node); }
    node.remove();
  }

  function styleOf(node) { return (node.getAttribute && node.getAttribute("data-style")) || ""; }

  /** Comments (Word's <!--[if …]-->), Office's own tags, pictures, and web bold written as a style. */
  function tidy(root) {
    var walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
    var comments = [];
    while (walker.nextNode()) { comments.push(walker.currentNode); }
    comments.forEach(function (c) { c.remove(); });
    root.querySelectorAll("style, script, meta, link, title, img, picture, svg, object, iframe").forEach(function (n) { n.remove(); });
    Array.prototype.slice.call(root.querySelectorAll("*")).forEach(function (n) {
      var name = n.nodeName.toLowerCase();
      if (name.indexOf(":") < 0) { return; }
      if (name === "o:p" || name.indexOf("v:") === 0) { n.remove(); } else { unwrap(n); }
    });
    root.querySelectorAll("b, strong").forEach(function (b) {
      if (/font-weight:\s*(normal|[1-5]00)/i.test(styleOf(b))) { unwrap(b); } // Google Docs wraps everything in one
    });
    root.querySelectorAll("span").forEach(function (s) {
      if (/font-weight:\s*(bold|[6-9]00)/i.test(styleOf(s))) {
        var strong = root.ownerDocument.createElement("strong");
        s.parentNode.insertBefore(strong, s);
        strong.appendChild(s);
      }
    });
    root.querySelectorAll("a").forEach(function (a) {
      if (!/^(https?:|mailto:)/i.test(a.getAttribute("href") || "")) { unwrap(a); }
    });
  }

  /** Word writes a list as paragraphs with mso-list in their style and the number in a span marked mso-list:Ignore. */
  function lists(root) {
    var doc = root.ownerDocument;
    root.querySelectorAll("p").forEach(function (p) {
      if (!/mso-list:\s*l\d/i.test(styleOf(p)) && !/MsoListParagraph/i.test(p.className)) { return; }
      var marker = "";
      p.querySelectorAll("span").forEach(function (s) {
        if (/mso-list:\s*ignore/i.test(styleOf(s))) { marker += s.textContent; s.remove(); }
      });
      marker = marker.replace(/[\s\u00a0]/g, "");
      var ordered = /^[(（]?[0-9０-９a-zA-Z一二三四五六七八九十]+[.、．)）]/.test(marker);
      var tag = ordered ? "OL" : "UL";
      var previous = p.previousElementSibling;
      var list = previous && previous.nodeName === tag && previous.hasAttribute("data-word-list") ? previous : null;
      if (!list) {
        list = doc.createElement(tag);
        list.setAttribute("data-word-list", "");
        p.parentNode.insertBefore(list, p);
      }
      var item = doc.createElement("li");
      while (p.firstChild) { item.appendChild(p.firstChild); }
      list.appendChild(item);
      p.remove();
    });
  }

  /** A Markdown table cell is one line, and GFM needs a heading row: Word's first row is taken as it. */
  function tables(root) {
    root.querySelectorAll("table").forEach(function (table) {
      table.querySelectorAll("td, th").forEach(function (cell) {
        cell.querySelectorAll("br").forEach(function (br) { br.replaceWith(" "); });
        cell.querySelectorAll("p, div").forEach(function (p) { p.after(" "); unwrap(p); });
      });
      table.querySelectorAll("th b, th strong").forEach(unwrap);
      var first = table.rows[0];
      if (first && !first.querySelector("th")) {
        Array.prototype.slice.call(first.cells).forEach(function (td) {
          var th = root.ownerDocument.createElement("th");
          while (td.firstChild) { th.appendChild(td.firstChild); }
          td.replaceWith(th);
        });
        first.querySelectorAll("b, strong").forEach(unwrap); // a heading row is bold already
      }
    });
  }

  /** Indentation typed with spaces (　　 or &nbsp;) at the start of a paragraph would read as a code block. */
  function indents(root) {
    root.querySelectorAll("p, li, h1, h2, h3, h4, h5, h6, td, th, div").forEach(function (block) {
      var walker = root.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        var text = walker.currentNode;
        text.nodeValue = text.nodeValue.replace(space, "");
        if (text.nodeValue.length > 0) { return; }
      }
    });
  }

  var service = new window.TurndownService({ headingStyle: "atx", bulletListMarker: "-", strongDelimiter: "**", emDelimiter: "*", codeBlockStyle: "fenced" });
  if (window.turndownPluginGfm) { service.use(window.turndownPluginGfm.tables); }
  service.addRule("portalHeadings", {
    filter: ["h1", "h2", "h3", "h4", "h5", "h6"],
    replacement: function (content, node) {
      var level = node.nodeName === "H1" || node.nodeName === "H2" ? "## " : "### ";
      var text = content.replace(/\s*\n+\s*/g, " ").trim();
      return text ? "\n\n" + level + text + "\n\n" : "";
    },
  });
  service.addRule("shortListItems", {
    filter: "li",
    replacement: function (content, node) {
      var parent = node.parentNode;
      var prefix = "- ";
      if (parent.nodeName === "OL") {
        var start = Number(parent.getAttribute("start")) || 1;
        prefix = (start + Array.prototype.indexOf.call(parent.children, node)) + ". ";
      }
      content = content.replace(/^\n+/, "").replace(/\n+$/, "\n").replace(/\n/gm, "\n" + "   ");
      return prefix + content + (node.nextSibling && !/\n$/.test(content) ? "\n" : "");
    },
  });

  function toMarkdown(html) {
    // Parsed documents inherit the page's Content-Security-Policy, which refuses inline styles (and says so in the
    // console): <style> goes and style="" is read as data-style="" before parsing.
    html = html.replace(/<style[\s\S]*?<\/style\s*>/gi, "").replace(/(<[a-z][^<>]*?\s)style\s*=/gi, "$1data-style=");
    var doc = new DOMParser().parseFromString(html, "text/html");
    var body = doc.body;
    tidy(body);
    lists(body);
    tables(body);
    indents(body);
    return service.turndown(body.innerHTML)
      .replace(/\u00a0/g, " ")
      .replace(/[ \t]+$/gm, "")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
  }

  window.NewsletterPaste = { toMarkdown: toMarkdown };
})();
