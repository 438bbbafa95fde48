// Headless Chromium prints on virtual time, where animation frames never come; Paged.js queues its work on them.
window.requestAnimationFrame = function (callback) { return setTimeout(function () { callback(performance.now()); }, 0); };
