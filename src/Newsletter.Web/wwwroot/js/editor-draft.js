// Keeping a draft (docs/decisions/0013-autosave.md). Every change is copied to localStorage at once, per article, until
// the server has the same text; every 30 s and on leaving the page a changed draft is posted to the article's
// autosave endpoint (which checks the version like 保存 and makes no revision). On reopening, a local copy that differs
// from the page's text is offered with 恢复未保存的内容. Also: reading a .docx into 标题 and 正文 (form[data-docx-upload]).
(function () {
  "use strict";
  var form = document.querySelector("form[data-draft-key]");
  var title = form && form.querySelector("#Title");
  var body = form && form.querySelector("#Body");
  if (!form || !title || !body) { return; }
  var key = "newsletter-draft:" + form.getAttribute("data-draft-key");
  var isNew = /new$/.test(key);
  var url = form.getAttribute("data-autosave");
  var version = form.querySelector("input[name=Version]");
  var submitted = false;
  var stopped = false;
  var status = document.createElement("p");
  status.className = "draft-status small text-secondary mb-2";
  status.setAttribute("role", "status");
  var submit = form.querySelector("button[type=submit]");
  form.insertBefore(status, submit);

  function text() { return { title: title.value, body: body.value }; }
  function same(a, b) { return a.title === b.title && a.body === b.body; }
  function time(ms) {
    var d = new Date(ms);
    return String(d.getHours()).padStart(2, "0") + ":" + String(d.getMinutes()).padStart(2, "0");
  }
  function read() {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function keep(extra) {
    var copy = text();
    copy.version = version ? Number(version.value) : 0;
    copy.at = Date.now();
    copy.submitted = !!extra;
    try { localStorage.setItem(key, JSON.stringify(copy)); } catch (e) { /* full or private mode: the server copy remains */ }
  }
  function say(message, isError) {
    status.textContent = message;
    status.classList.toggle("text-danger", !!isError);
    status.classList.toggle("text-secondary", !isError);
  }

  // --- On opening: a local copy the page does not show is offered back. ---
  var local = read();
  var page = text();
  if (local && (same(local, page) || (local.submitted && (isNew || (version && Number(version.value) > local.version))))) {
    localStorage.removeItem(key);
    local = null;
  }
  if (local) {
    var offer = document.createElement("div");
    offer.className = "alert alert-warning d-flex flex-wrap align-items-center gap-2";
    offer.setAttribute("role", "alert");
    offer.appendChild(document.createTextNode("本机保存着 " + time(local.at) + " 未保存到网站的内容。"));
    var restore = document.createElement("button");
    restore.type = "button";
    restore.className = "btn btn-sm btn-warning";
    restore.textContent = "恢复未保存的内容";
    var discard = document.createElement("button");
    discard.type = "button";
    discard.className = "btn btn-sm btn-outline-secondary";
    discard.textContent = "不用了";
    offer.appendChild(restore);
    offer.appendChild(discard);
    form.insertBefore(offer, form.firstChild);
    restore.addEventListener("click", function () {
      title.value = local.title;
      body.value = local.body;
      body.dispatchEvent(new Event("input", { bubbles: true }));
      offer.remove();
      say("已恢复本机保存的内容，请核对后保存。");
    });
    discard.addEventListener("click", function () { localStorage.removeItem(key); offer.remove(); });
  }

  // --- Every change kept locally; the server's copy every 30 s and on leaving. ---
  var sent = page;
  var timer = null;
  function changed() {
    clearTimeout(timer);
    timer = setTimeout(function () { keep(false); }, 300);
  }
  form.addEventListener("input", changed);
  form.addEventListener("editor-change", changed);

  function post(keepalive) {
    var now = text();
    if (!url || stopped || submitted || same(now, sent)) { return Promise.resolve(); }
    keep(false);
    var data = new FormData(form);
    return fetch(url, { method: "POST", body: data, credentials: "same-origin", keepalive: keepalive, headers: { Accept: "application/json" } })
      .then(function (r) { return r.json().catch(function () { return {}; }).then(function (json) { return { r: r, json: json }; }); })
      .then(function (answer) {
        if (answer.r.ok) {
          if (version) { version.value = answer.json.version; }
          sent = now;
          if (same(text(), now)) { localStorage.removeItem(key); } else { keep(false); }
          say("已自动保存 " + time(Date.now()));
          return;
        }
        var why = (answer.json.errors || []).join(" ") || "服务器没有接受（" + answer.r.status + "）。";
        if (answer.r.status === 409 || answer.r.status === 403 || answer.r.status === 404) { stopped = true; }
        say("未能自动保存：" + why + " 内容已保存在本机。", true);
      })
      .catch(function () { say("未能保存（离线），内容已保存在本机", true); });
  }

  setInterval(function () { post(false); }, 30000);
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") { post(true); } });
  window.addEventListener("pagehide", function () { post(true); });
  form.addEventListener("submit", function () { submitted = true; keep(true); });
  if (!url) { say(isNew ? "草稿随时保存在本机；第一次点“保存”后，每 30 秒自动保存到网站。" : "内容随时保存在本机，点按钮后才提交。"); }

  // --- 从 Word 文件读入: the fields are filled in, not saved. ---
  var docx = document.querySelector("form[data-docx-upload]");
  var docxStatus = docx && docx.querySelector("[data-docx-status]");
  if (!docx || !docxStatus) { return; }
  docx.addEventListener("submit", function (e) {
    e.preventDefault();
    docxStatus.className = "small mb-0 text-secondary";
    docxStatus.textContent = "正在读入…";
    fetch(docx.action, { method: "POST", body: new FormData(docx), credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.json().then(function (json) { return { ok: r.ok, json: json }; }); })
      .then(function (answer) {
        if (!answer.ok) { throw new Error((answer.json.errors || []).join(" ")); }
        if (answer.json.title) { title.value = answer.json.title; }
        body.value = answer.json.body;
        body.dispatchEvent(new Event("input", { bubbles: true }));
        docxStatus.textContent = "已读入标题和正文，请核对后点“保存”。" + (answer.json.note || "");
      })
      .catch(function (error) {
        docxStatus.className = "small mb-0 text-danger";
        docxStatus.textContent = error.message || "没有读入：网络连接中断，请重试。";
      });
  });
})();
