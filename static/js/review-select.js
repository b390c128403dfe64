/* Review page: select words in the article text, then choose a record type — a new row of that type is added with
   its start, end and text filled in (character offsets into the article text; the details panels are not counted).
   Loaded from the site (the CSP allows no inline script). */
(function () {
  "use strict";
  var KINDS = [["figures", "数据"], ["dates", "日期"], ["regions", "地区"], ["programs", "政策提及"], ["qa_pairs", "问答"]];

  function offsetIn(paragraph, node, offset) {
    // Characters of the paragraph's text before (node, offset), not counting text inside details panels.
    var walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) { return n.parentElement.closest(".rec-pop") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT; }
    });
    var count = 0, current;
    if (node.nodeType !== Node.TEXT_NODE) {  // a selection boundary between elements: count the children before it
      var marker = document.createRange();
      marker.setStart(paragraph, 0);
      marker.setEnd(node, offset);
      var fragment = marker.cloneContents();
      fragment.querySelectorAll(".rec-pop").forEach(function (el) { el.remove(); });
      return fragment.textContent.length;
    }
    while ((current = walker.nextNode())) {
      if (current === node) { return count + offset; }
      count += current.nodeValue.length;
    }
    return null;
  }

  function selectedSpan() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) { return null; }
    var range = selection.getRangeAt(0);
    var first = (range.startContainer.nodeType === Node.ELEMENT_NODE ? range.startContainer : range.startContainer.parentElement).closest(".review-text p[data-start]");
    var last = (range.endContainer.nodeType === Node.ELEMENT_NODE ? range.endContainer : range.endContainer.parentElement).closest(".review-text p[data-start]");
    if (!first || first !== last) { return null; }  // one paragraph at a time
    var base = parseInt(first.getAttribute("data-start"), 10);
    var start = offsetIn(first, range.startContainer, range.startOffset);
    var end = offsetIn(first, range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) { return null; }
    return { start: base + start, end: base + end, text: selection.toString() };
  }

  function addRecord(prefix, span) {
    var group = document.getElementById(prefix + "-group");
    var add = group && group.querySelector(".add-row a");
    if (!add) { return; }
    add.click();  // Django's inline script adds the row now
    var rows = group.querySelectorAll("tr.form-row.dynamic-" + prefix + ":not(.empty-form)");
    var row = rows[rows.length - 1];
    row.querySelector("input[name$='-start']").value = span.start;
    row.querySelector("input[name$='-end']").value = span.end;
    var text = row.querySelector("input[name$='-text']");
    if (text) { text.value = span.text.slice(0, 255); }
    row.scrollIntoView({ block: "center" });
    var next = row.querySelector("input:not([type=hidden]):not([name$='-start']):not([name$='-end']):not([name$='-text']), select, textarea");
    if (next) { next.focus(); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var text = document.querySelector(".review-text");
    if (!text) { return; }
    var bar = document.createElement("div");
    bar.className = "select-bar";
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-label", "把选中的文字添加为记录");
    bar.hidden = true;
    var label = document.createElement("span");
    bar.appendChild(label);
    var span = null;
    KINDS.forEach(function (kind) {
      if (!document.getElementById(kind[0] + "-group")) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button";
      button.textContent = kind[1];
      button.setAttribute("data-prefix", kind[0]);
      button.addEventListener("click", function () { if (span) { addRecord(kind[0], span); bar.hidden = true; } });
      bar.appendChild(button);
    });
    text.parentElement.insertBefore(bar, text);
    function update() {
      span = selectedSpan();
      bar.hidden = !span;
      if (span) { label.textContent = "把“" + span.text.slice(0, 20) + "”（第 " + span.start + "–" + span.end + " 字）添加为："; }
    }
    text.addEventListener("mouseup", update);
    text.addEventListener("keyup", update);
    text.addEventListener("touchend", function () { window.setTimeout(update, 0); });
  });
})();
