// Reading aids (适老化): 大字 (larger text) and 高对比度 (high contrast), remembered across pages in
// localStorage, and the 打印 button. Loaded as a normal script in <head>, before the stylesheets, so the
// remembered classes are on <html> before the body renders (no flash); the buttons are wired once the
// page is parsed. No inline script or onclick attributes are needed.
(function () {
  "use strict";
  var root = document.documentElement;
  var aids = { large: "aid-large", contrast: "aid-contrast" };
  var storageKey = function (name) { return "newsletter.reading-aid." + name; };

  var remembered = function (name) {
    try { return window.localStorage.getItem(storageKey(name)) === "1"; } catch (e) { return false; }
  };
  var remember = function (name, on) {
    try {
      if (on) { window.localStorage.setItem(storageKey(name), "1"); } else { window.localStorage.removeItem(storageKey(name)); }
    } catch (e) { /* storage blocked: the aid still applies to this page */ }
  };
  var setClass = function (className, on) {
    if (on) { root.classList.add(className); } else { root.classList.remove(className); }
  };
  var each = function (selector, action) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), action);
  };
  var apply = function (name, on) {
    setClass(aids[name], on);
    each("[data-reading-aid='" + name + "']", function (button) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
  };

  // Before the body renders: scripts work (the buttons may show) and the remembered aids apply.
  setClass("js", true);
  Object.keys(aids).forEach(function (name) { setClass(aids[name], remembered(name)); });

  var wire = function () {
    Object.keys(aids).forEach(function (name) { apply(name, root.classList.contains(aids[name])); });
    each("[data-reading-aid]", function (button) {
      button.addEventListener("click", function () {
        var name = button.getAttribute("data-reading-aid");
        if (!aids[name]) { return; }
        var on = !root.classList.contains(aids[name]);
        apply(name, on);
        remember(name, on);
      });
    });
    each("[data-print]", function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
  };

  // Another tab switched an aid: follow it here too.
  window.addEventListener("storage", function (event) {
    Object.keys(aids).forEach(function (name) {
      if (event.key === storageKey(name)) { apply(name, event.newValue === "1"); }
    });
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", wire);
  } else {
    wire();
  }
})();
