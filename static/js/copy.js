/* Copy buttons: a button with data-copy="ID" copies the text of element ID to the clipboard. Without this script
   the buttons stay hidden and the text can still be selected. Loaded from the site (the CSP allows no inline script). */
(function () {
  "use strict";
  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    var status = document.getElementById(button.getAttribute("data-status"));
    if (!source) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = source.textContent.trim();
      function done(message) { if (status) { status.textContent = message; } }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { done("已复制"); }, function () { selectText(source); done("已选中，请按 Ctrl+C 复制"); });
      } else {
        selectText(source);
        done(document.execCommand && document.execCommand("copy") ? "已复制" : "已选中，请按 Ctrl+C 复制");
      }
    });
  });
})();
