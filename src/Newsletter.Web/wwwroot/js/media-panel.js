// 图片和附件 beside the body editor (Features/Editorial/Articles/_MediaPanel.cshtml). Each picked or dropped file is
// posted on its own to /editorial/articles/{id}/media (JSON answer); a picture's Markdown goes into the body where the
// cursor is, and its 图注 and 替代文字 fields rewrite that Markdown. 删除 of a picture the saved text still shows waits
// for the article's save (a hidden removeMedia field), since the server keeps a picture its saved text uses.
(function () {
  "use strict";
  var panel = document.querySelector("[data-media-panel]");
  if (!panel) { return; }
  var textarea = document.getElementById(panel.getAttribute("data-media-body"));
  var form = textarea && textarea.form;
  var list = document.querySelector("[data-media-list]");
  if (!textarea || !form || !list) { return; }
  var uploadUrl = panel.getAttribute("data-media-panel");
  var picker = panel.querySelector("input[type=file]");
  var status = panel.querySelector("[data-media-status]");
  var token = form.querySelector("input[name='__RequestVerificationToken']");
  var cursorKnown = false;
  var queue = Promise.resolve();
  panel.hidden = false;

  ["focus", "click", "keyup", "select"].forEach(function (e) { textarea.addEventListener(e, function () { cursorKnown = true; }); });

  // --- Markdown of a picture: ![alt](/media/12 "图注"), as the server writes it (MediaJson.MarkdownOf). ---
  function clean(text) { return (text || "").replace(/\s+/g, " ").trim().replace(/"/g, "”"); }
  function markdownOf(id, alt, caption) {
    alt = clean(alt).replace(/\[/g, "【").replace(/\]/g, "】");
    caption = clean(caption);
    return "![" + alt + "](/media/" + id + (caption ? " \"" + caption + "\"" : "") + ")";
  }
  function reference(id, flags) {
    return new RegExp("!\\[([^\\]\\n]*)\\]\\(\\s*/media/" + id + "(?:\\s+\"([^\"\\n]*)\")?\\s*\\)", flags);
  }
  function changed() { textarea.dispatchEvent(new Event("input", { bubbles: true })); }
  function say(text) { status.textContent = ""; setTimeout(function () { status.textContent = text; }, 50); }

  /** Puts the Markdown on a line of its own, with a blank line before and after, where the cursor is (else at the end). */
  function insert(markdown) {
    var text = textarea.value;
    var at = cursorKnown ? textarea.selectionEnd : text.length;
    var before = text.slice(0, at).replace(/[ \t]+$/, "");
    var after = text.slice(at).replace(/^[ \t]+/, "");
    var lead = before === "" ? "" : before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
    var tail = after === "" ? "\n" : after.startsWith("\n\n") ? "" : after.startsWith("\n") ? "\n" : "\n\n";
    textarea.value = before + lead + markdown + tail + after;
    var caret = (before + lead + markdown).length;
    textarea.setSelectionRange(caret, caret);
    cursorKnown = true;
    changed();
  }

  function removeFromText(id) {
    var line = new RegExp("(^|\\n)[ \\t]*" + reference(id, "").source + "[ \\t]*(?=\\n|$)", "g");
    textarea.value = textarea.value.replace(line, "").replace(reference(id, "g"), "").replace(/\n{3,}/g, "\n\n").replace(/^\n+/, "");
    changed();
  }

  // --- Requests: one file each, with progress; the answer is JSON {files, errors, replaced}. ---
  function post(url, data, progress) {
    return new Promise(function (resolve) {
      var xhr = new XMLHttpRequest();
      xhr.open("POST", url);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.responseType = "json";
      if (progress) { xhr.upload.addEventListener("progress", function (e) { if (e.lengthComputable) { progress(e.loaded / e.total); } }); }
      xhr.addEventListener("load", function () {
        var body = xhr.response || {};
        var errors = body.errors && body.errors.length ? body.errors
          : xhr.status === 413 ? ["文件太大，超过了上传上限。"] : xhr.status >= 400 ? ["操作没有成功（" + xhr.status + "），请刷新页面后重试。"] : [];
        resolve({ ok: xhr.status < 400, body: body, errors: errors });
      });
      xhr.addEventListener("error", function () { resolve({ ok: false, body: {}, errors: ["网络连接中断，没有上传成功，请重试。"] }); });
      if (token) { data.append("__RequestVerificationToken", token.value); }
      xhr.send(data);
    });
  }

  // --- The list: one item per file; a picture's item carries 图注, 替代文字, 插入, 替换, 删除. ---
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }
  function button(text, onClick) {
    var b = el("button", "btn btn-sm btn-outline-secondary", text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }
  function typeLabel(name) {
    var ext = (name.match(/\.[^.]+$/) || [""])[0].toLowerCase();
    return { ".pdf": "PDF 文档", ".doc": "Word 文档", ".docx": "Word 文档", ".xls": "Excel 表格", ".xlsx": "Excel 表格", ".zip": "ZIP 压缩包" }[ext] || "文件";
  }
  function size(bytes) {
    return bytes >= 1048576 ? (Math.round(bytes / 104857.6) / 10) + " MB" : Math.max(1, Math.ceil(bytes / 1024)) + " KB";
  }
  function message(item, text, isError) {
    var old = item.querySelector(".media-message");
    if (old) { old.remove(); }
    if (!text) { return; }
    var p = el("p", "media-message small mb-0 mt-1 " + (isError ? "text-danger" : "text-secondary"), text);
    if (isError) { p.setAttribute("role", "alert"); }
    item.querySelector(".media-info").appendChild(p);
  }
  function pendingRemoval(id) { return form.querySelector("input[name=removeMedia][value='" + id + "']"); }

  function header(item, name, detail) {
    var info = el("div", "media-info");
    var title = el("p", "mb-1");
    title.appendChild(el("span", "media-name", name));
    title.appendChild(el("span", "text-secondary small", "（" + detail + "）"));
    info.appendChild(title);
    item.appendChild(info);
    return info;
  }

  function draw(item, file) {
    item.textContent = "";
    item.dataset.id = file.id;
    item.dataset.kind = file.kind;
    item.classList.remove("media-pending");
    if (file.kind === "attachment") {
      var attachment = header(item, file.name, typeLabel(file.name) + "，" + size(file.bytes));
      var actions = el("div", "media-actions");
      actions.appendChild(button("删除", function () { removeAttachment(item, file); }));
      attachment.appendChild(actions);
      return;
    }

    var thumb = el("img", "media-thumb");
    thumb.src = file.url;
    thumb.alt = "";
    if (file.width && file.height) { thumb.width = file.width; thumb.height = file.height; }
    item.appendChild(thumb);
    var info = header(item, file.name, "图片" + (file.width ? "，" + file.width + "×" + file.height : "") + "，" + size(file.bytes));
    var found = reference(file.id, "").exec(textarea.value);
    var caption = found ? found[2] || "" : file.caption || "";
    var alt = found ? found[1] : file.alt || "";
    // The server's alt without a caption is the file's name: shown as empty, so that it follows the caption.
    var stem = file.name.replace(/\.[^.]+$/, "");
    var fields = el("div", "row g-2 mb-1");
    var captionInput = field(fields, "图注（显示在图片下方，如：图为……）", "caption-" + file.id, caption);
    var altInput = field(fields, "替代文字（给看不到图片的读者；空着则同图注）", "alt-" + file.id, alt === caption || alt === stem ? "" : alt);
    info.appendChild(fields);
    var rewrite = function () {
      var md = item.markdown();
      textarea.value = textarea.value.replace(reference(file.id, "g"), function () { return md; });
      changed();
    };
    captionInput.addEventListener("input", rewrite);
    altInput.addEventListener("input", rewrite);
    item.markdown = function () {
      return markdownOf(file.id, altInput.value.trim() || captionInput.value.trim() || stem, captionInput.value);
    };
    var replacer = el("input");
    replacer.type = "file";
    replacer.accept = "image/*";
    replacer.hidden = true;
    replacer.addEventListener("change", function () { if (replacer.files[0]) { replace(item, file, replacer.files[0]); } });
    var buttons = el("div", "media-actions");
    buttons.appendChild(button("插入", function () {
      var pending = pendingRemoval(file.id);
      if (pending) { pending.remove(); message(item, ""); }
      insert(item.markdown());
      say("已把图片插入正文。");
    }));
    buttons.appendChild(button("替换", function () { replacer.click(); }));
    buttons.appendChild(button("删除", function () { removePicture(item, file); }));
    buttons.appendChild(replacer);
    info.appendChild(buttons);
    if (pendingRemoval(file.id)) { message(item, "已从正文删去，保存稿件后删除此图片。", false); }
  }

  function field(row, label, id, value) {
    var col = el("div", "col-12 col-md-6");
    var l = el("label", "form-label small mb-0", label);
    l.htmlFor = id;
    var input = el("input", "form-control form-control-sm");
    input.id = id;
    input.value = value;
    input.maxLength = 500;
    col.appendChild(l);
    col.appendChild(input);
    row.appendChild(col);
    return input;
  }

  function progressOf(item) {
    var bar = el("progress", "media-progress");
    bar.max = 1;
    bar.value = 0;
    bar.setAttribute("aria-label", "上传进度");
    item.querySelector(".media-info").appendChild(bar);
    return function (share) { bar.value = share; };
  }

  // --- Upload, replace, remove. ---
  function upload(fileObject) {
    var isPicture = /^image\//.test(fileObject.type);
    var item = el("li", "media-item media-pending");
    header(item, fileObject.name, "正在上传…");
    list.appendChild(item);
    var progress = progressOf(item);
    var data = new FormData();
    data.append("files", fileObject, fileObject.name);
    data.append("kind", isPicture ? "picture" : "attachment");
    return post(uploadUrl, data, progress).then(function (answer) {
      var stored = answer.ok && answer.body.files && answer.body.files[0];
      if (!stored) {
        item.classList.add("media-failed");
        item.querySelector(".media-progress").remove();
        item.querySelector(".text-secondary").textContent = "（未上传）";
        message(item, answer.errors.join(" "), true);
        item.querySelector(".media-info").appendChild(button("关闭", function () { item.remove(); }));
        say("“" + fileObject.name + "”没有上传成功。");
        return;
      }

      draw(item, stored);
      if (stored.kind === "picture") {
        insert(stored.markdown);
        say("已上传“" + stored.name + "”，并插入正文。请填写图注。");
      } else {
        say("已上传附件“" + stored.name + "”。");
      }
    });
  }

  function replace(item, file, fileObject) {
    var data = new FormData();
    data.append("file", fileObject, fileObject.name);
    message(item, "正在上传…", false);
    var progress = progressOf(item);
    post(uploadUrl + "/" + file.id + "/replace", data, progress).then(function (answer) {
      var bar = item.querySelector(".media-progress");
      if (bar) { bar.remove(); }
      var stored = answer.ok && answer.body.files && answer.body.files[0];
      if (!stored) { message(item, answer.errors.join(" "), true); return; }
      var md = item.markdown();
      textarea.value = textarea.value.replace(reference(file.id, "g"), function () { return md; })
        .replace(new RegExp("/media/" + file.id + "(?![0-9])", "g"), "/media/" + stored.id);
      var pending = pendingRemoval(file.id);
      if (pending) { pending.remove(); }
      changed();
      draw(item, stored);
      say("图片已替换为“" + stored.name + "”。");
    });
  }

  function removePicture(item, file) {
    var savedTextShowsIt = reference(file.id, "").test(textarea.defaultValue);
    removeFromText(file.id);
    if (savedTextShowsIt) {
      waitForSave(item, file);
      return;
    }

    post(uploadUrl + "/" + file.id + "/remove", new FormData()).then(function (answer) {
      if (answer.ok) { item.remove(); say("图片已删除。"); } else { waitForSave(item, file); }
    });
  }

  function waitForSave(item, file) {
    if (!pendingRemoval(file.id)) {
      var hidden = el("input");
      hidden.type = "hidden";
      hidden.name = "removeMedia";
      hidden.value = file.id;
      form.appendChild(hidden);
    }

    message(item, "已从正文删去，保存稿件后删除此图片。", false);
    say("图片已从正文删去，保存稿件后删除。");
  }

  function removeAttachment(item, file) {
    post(uploadUrl + "/" + file.id + "/remove", new FormData()).then(function (answer) {
      if (answer.ok) { item.remove(); say("附件已删除。"); } else { message(item, answer.errors.join(" "), true); }
    });
  }

  function take(files) {
    Array.prototype.forEach.call(files, function (f) { queue = queue.then(function () { return upload(f); }); });
  }

  // --- The items drawn by the server, then picking and dropping. ---
  list.querySelectorAll("li[data-id]").forEach(function (item) {
    var d = item.dataset;
    draw(item, {
      id: Number(d.id), kind: d.kind, name: d.name, caption: d.caption, alt: d.alt, url: d.url,
      bytes: Number(d.bytes), width: Number(d.width) || 0, height: Number(d.height) || 0,
    });
  });
  picker.addEventListener("change", function () { take(picker.files); picker.value = ""; });
  [panel.querySelector("[data-media-drop]"), textarea].forEach(function (zone) {
    zone.addEventListener("dragover", function (e) {
      if (e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, "Files") >= 0) { e.preventDefault(); zone.classList.add("media-dragover"); }
    });
    zone.addEventListener("dragleave", function () { zone.classList.remove("media-dragover"); });
    zone.addEventListener("drop", function (e) {
      if (!e.dataTransfer || !e.dataTransfer.files.length) { return; }
      e.preventDefault();
      zone.classList.remove("media-dragover");
      take(e.dataTransfer.files);
    });
  });
})();
