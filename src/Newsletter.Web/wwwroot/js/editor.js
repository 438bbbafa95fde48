// Live preview for Markdown bodies: posts the text to /editorial/preview, which renders it with the
// site's own Markdig pipeline, and shows the result beside the editor. No inline script needed.
(function () {
  "use strict";
  document.querySelectorAll("[data-preview-source]").forEach(function (textarea) {
    var target = document.getElementById(textarea.getAttribute("data-preview-source"));
    var form = textarea.form;
    if (!target || !form) { return; }
    var token = form.querySelector("input[name='__RequestVerificationToken']");
    var timer = null;
    var render = function () {
      var body = new URLSearchParams();
      body.append("body", textarea.value);
      if (token) { body.append("__RequestVerificationToken", token.value); }
      fetch("/editorial/preview", { method: "POST", body: body, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) { target.innerHTML = html; target.setAttribute("aria-busy", "false"); })
        .catch(function () { target.textContent = "预览暂时不可用，保存后可在稿件页查看。"; });
    };
    textarea.addEventListener("input", function () {
      target.setAttribute("aria-busy", "true");
      clearTimeout(timer);
      timer = setTimeout(render, 400);
    });
    render();
  });
})();
