// The body editor: EasyMDE (wwwroot/lib/easymde) over the plain textarea, with a Chinese toolbar. The preview beside it
// (and EasyMDE's side-by-side pane in full screen) posts the text to /editorial/preview, which renders it with the
// site's own Markdig pipeline (CJK emphasis as readers see it). Pasted HTML (Word, web pages) becomes Markdown through paste-markdown.js. The textarea stays the
// form's field (forceSync); media-panel.js and editor-draft.js change it and send "input", which is copied into the
// editor. Without EasyMDE the old live preview beside the textarea works as before; without scripts, the textarea.
(function () {
  "use strict";

  function preview(textarea, target, done) {
    var body = new URLSearchParams();
    body.append("body", textarea.value);
    var token = textarea.form && textarea.form.querySelector("input[name='__RequestVerificationToken']");
    if (token) { body.append("__RequestVerificationToken", token.value); }
    fetch("/editorial/preview", { method: "POST", body: body, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) { target.innerHTML = html; target.setAttribute("aria-busy", "false"); if (done) { done(); } })
      .catch(function () { target.textContent = "预览暂时不可用，保存后可在稿件页查看。"; });
  }

  function pasted(e) {
    var html = e.clipboardData && e.clipboardData.getData("text/html");
    return html && window.NewsletterPaste ? window.NewsletterPaste.toMarkdown(html) : "";
  }

  /** The textarea alone: live preview beside it, pasting from Word still cleaned. */
  function plain(textarea, target) {
    var timer = null;
    textarea.addEventListener("input", function () {
      target.setAttribute("aria-busy", "true");
      clearTimeout(timer);
      timer = setTimeout(function () { preview(textarea, target); }, 400);
    });
    textarea.addEventListener("paste", function (e) {
      var markdown = pasted(e);
      if (!markdown) { return; }
      e.preventDefault();
      textarea.setRangeText(markdown, textarea.selectionStart, textarea.selectionEnd, "end");
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    });
    preview(textarea, target);
  }

  /** 图片: the 图片和附件 panel's file picker (after the first save), or where the panel says why not yet. */
  function picture() {
    var picker = document.getElementById("media-files");
    var heading = document.getElementById("media-heading");
    if (heading) { heading.scrollIntoView({ block: "start" }); }
    if (picker && !picker.closest("[hidden]")) { picker.focus(); picker.click(); } else if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  }

  /**
   * 并排预览: the page's own preview column beside (or, on a phone, under) the editor, shown or hidden; in full screen,
   * EasyMDE's side-by-side pane, rendered by the same server preview.
   */
  function sideBySide(column) {
    return function (editor) {
      if (editor.isFullscreenActive() || !column) { window.EasyMDE.toggleSideBySide(editor); return; }
      column.hidden = !column.hidden;
      var own = editor.element.closest("[class*=col-]");
      if (own) { own.classList.toggle("col-lg-6", !column.hidden); }
      var button = editor.toolbarElements["side-by-side"];
      if (button) { button.classList.toggle("active", !column.hidden); button.setAttribute("aria-pressed", String(!column.hidden)); }
      editor.codemirror.refresh();
    };
  }

  function rich(textarea, label, column) {
    var timer = null;
    var E = window.EasyMDE;
    var editor = new E({
      element: textarea,
      forceSync: true,
      spellChecker: false,
      nativeSpellcheck: true,
      autoDownloadFontAwesome: false,
      status: false,
      minHeight: "320px",
      sideBySideFullscreen: false,
      unorderedListStyle: "-",
      previewClass: ["editor-preview", "article-body"],
      previewRender: function (text, target) {
        clearTimeout(timer);
        timer = setTimeout(function () { preview(textarea, target); }, 300);
        return null;
      },
      toolbar: [
        { name: "heading-yi", action: E.toggleHeading2, text: "一、", title: "一级标题（一、……）" },
        { name: "heading-er", action: E.toggleHeading3, text: "（一）", title: "二级标题（（一）……）" },
        "|",
        { name: "bold", action: E.toggleBold, text: "加粗", title: "加粗" },
        { name: "unordered-list", action: E.toggleUnorderedList, text: "列表", title: "列表" },
        { name: "ordered-list", action: E.toggleOrderedList, text: "编号", title: "编号列表" },
        { name: "quote", action: E.toggleBlockquote, text: "引用", title: "引用" },
        "|",
        { name: "picture", action: picture, text: "图片", title: "插入图片（在“图片和附件”中上传）" },
        { name: "link", action: E.drawLink, text: "链接", title: "插入链接" },
        "|",
        { name: "side-by-side", action: sideBySide(column), text: "并排预览", title: "并排预览（与网站显示一致）", noDisable: true },
        { name: "fullscreen", action: E.toggleFullScreen, text: "全屏", title: "全屏", noDisable: true },
      ],
    });
    var cm = editor.codemirror;
    var input = cm.getInputField();
    input.setAttribute("aria-labelledby", label ? label.id : "");
    if (!label) { input.setAttribute("aria-label", "正文"); }
    Object.keys(editor.toolbarElements || {}).forEach(function (k) { editor.toolbarElements[k].tabIndex = 0; });
    var split = editor.toolbarElements["side-by-side"];
    if (split && column) { split.classList.add("active"); split.setAttribute("aria-pressed", "true"); }
    var bar = editor.gui.toolbar;
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-label", "正文格式");

    // The media panel reads the cursor from the textarea: keep it there.
    cm.on("cursorActivity", function () {
      var at = cm.indexFromPos(cm.getCursor("to"));
      textarea.setSelectionRange(at, at);
      textarea.dispatchEvent(new Event("select"));
    });
    var live = null;
    cm.on("change", function () {
      textarea.dispatchEvent(new Event("editor-change", { bubbles: true }));
      clearTimeout(live);
      live = setTimeout(function () { textarea.dispatchEvent(new Event("input", { bubbles: true })); }, 400);
    });
    textarea.addEventListener("input", function () {
      if (textarea.value === cm.getValue()) { return; }
      var at = textarea.selectionEnd;
      cm.setValue(textarea.value);
      cm.setCursor(cm.posFromIndex(at));
    });
    cm.on("paste", function (_, e) {
      var markdown = pasted(e);
      if (!markdown) { return; }
      e.preventDefault();
      cm.replaceSelection(markdown);
    });
    cm.on("drop", function (_, e) {
      var zone = document.querySelector("[data-media-drop]");
      if (!zone || !e.dataTransfer || !e.dataTransfer.files.length) { return; }
      e.preventDefault();
      zone.dispatchEvent(new DragEvent("drop", { dataTransfer: e.dataTransfer, bubbles: true, cancelable: true }));
    });
    window.NewsletterEditor = editor;
  }

  document.querySelectorAll("[data-preview-source]").forEach(function (textarea) {
    var target = document.getElementById(textarea.getAttribute("data-preview-source"));
    if (!target || !textarea.form) { return; }
    if (!window.EasyMDE) { plain(textarea, target); return; }
    plain(textarea, target); // the live preview column stays, fed by the textarea the editor keeps in step
    rich(textarea, document.querySelector("label[for='" + textarea.id + "']"), target.closest("[class*=col-]"));
  });
})();
