// Composing an issue: each section's articles are reordered by dragging (SortableJS, wwwroot/lib/sortablejs).
// A drop posts the section's new order in one request (/editorial/issues/{id}/order, with the version, so a
// page older than someone else's change is refused); the page then reloads to show the order, the 目录 and the
// message as saved. Without JavaScript the ↑/↓ buttons do the same, one step at a time.
(function () {
  "use strict";
  var status = document.getElementById("order-status");
  var tokenInput = document.querySelector("input[name='__RequestVerificationToken']");
  if (typeof Sortable === "undefined" || !tokenInput) {
    return;
  }

  var say = function (text) {
    if (status) {
      status.textContent = text;
      status.className = "small alert alert-warning";
    }
  };

  var post = function (list) {
    var body = new URLSearchParams();
    body.append("__RequestVerificationToken", tokenInput.value);
    body.append("sectionId", list.getAttribute("data-section-id"));
    body.append("version", list.getAttribute("data-version"));
    Array.prototype.forEach.call(list.querySelectorAll("li[data-article-id]"), function (item) {
      body.append("articleIds", item.getAttribute("data-article-id"));
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-order-url]"), function (other) {
      other.setAttribute("aria-busy", "true");
    });
    fetch(list.getAttribute("data-order-url"), { method: "POST", body: body, credentials: "same-origin", redirect: "manual" })
      .then(function (response) {
        if (response.type === "opaqueredirect" || response.ok) {
          window.location.reload();
          return null;
        }
        return response.text().then(function (html) {
          var page = new DOMParser().parseFromString(html, "text/html");
          var reason = page.querySelector("main .lead");
          say((reason ? reason.textContent : "顺序没有保存。") + " 页面将在 5 秒后刷新。");
          window.setTimeout(function () { window.location.reload(); }, 5000);
        });
      })
      .catch(function () {
        say("网络中断，顺序没有保存。请检查网络后刷新页面再调整。");
      });
  };

  Array.prototype.forEach.call(document.querySelectorAll("ol[data-order-url]"), function (list) {
    Sortable.create(list, {
      handle: ".drag-handle",
      draggable: "li[data-article-id]",
      animation: 0, // an article lands where the pointer is at once (a moving list ignores the pointer while it animates)
      onEnd: function (event) {
        if (event.oldIndex !== event.newIndex) {
          post(list);
        }
      }
    });
  });
})();
