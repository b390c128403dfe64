/* Page upload in the admin: the chosen files are sent one by one (fetch, Accept: application/json) so the page can
   show "3/10" with a <progress> bar and list each file's outcome as it arrives. Without this script (or without
   fetch) the form posts all files together and the server lists the outcomes. Loaded from the site (strict CSP). */
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  if (!form || !window.fetch || !window.FormData) { return; }
  var input = form.querySelector("input[type=file]");
  var box = form.querySelector(".upload-progress");
  var bar = box.querySelector("progress");
  var count = box.querySelector(".upload-count");
  var list = form.querySelector(".upload-outcomes");
  var submit = form.querySelector("input[type=submit]");
  var CLASSES = { ingested: "success", present: "warning", rejected: "error" };

  function line(name, message, status, url) {
    var item = document.createElement("li");
    item.className = CLASSES[status] || "error";
    item.setAttribute("data-status", status);
    if (url) {
      var link = document.createElement("a");
      link.href = url;
      link.textContent = name;
      item.appendChild(link);
    } else {
      item.appendChild(document.createTextNode(name));
    }
    item.appendChild(document.createTextNode("：" + message));
    list.appendChild(item);
  }

  function progress(done, total) {
    bar.max = total;
    bar.value = done;
    count.textContent = done + "/" + total;
  }

  function sendOne(file) {
    var body = new FormData(form);
    body.delete("file");
    body.append("file", file, file.name);
    return fetch(form.action || window.location.href, {
      method: "POST", body: body, credentials: "same-origin", headers: { Accept: "application/json" }
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (response.ok && data.outcomes) {
          data.outcomes.forEach(function (o) { line(o.name, o.message, o.status, o.url); });
        } else {
          var reason = (data.errors && data.errors.join("；")) || ("服务器返回 " + response.status);
          line(file.name, "无法导入：" + reason + "。", "rejected");
        }
      });
    }, function () {
      line(file.name, "无法上传：网络错误，请稍后重试这个文件。", "rejected");
    });
  }

  form.addEventListener("submit", function (event) {
    var files = Array.prototype.slice.call(input.files || []);
    if (!files.length) { return; }  // the server answers "please choose a file"
    event.preventDefault();
    list.textContent = "";
    box.hidden = false;
    submit.disabled = true;
    progress(0, files.length);
    var chain = Promise.resolve();
    files.forEach(function (file, index) {
      chain = chain.then(function () { return sendOne(file); }).then(function () { progress(index + 1, files.length); });
    });
    chain.then(function () {
      submit.disabled = false;
      input.value = "";
    });
  });
})();
