// Live progress of a crisis alert: refresh the numbers from progress.json every 2 seconds
// from the request until every message is out. Without JavaScript the page shows the numbers of its last load.
(function () {
  "use strict";
  var section = document.getElementById("crisis-progress");
  if (!section) return;
  var url = section.getAttribute("data-progress-url");

  function fill(scope, counts) {
    Object.keys(counts).forEach(function (name) {
      var cell = scope.querySelector('[data-count="' + name + '"]');
      if (cell && typeof counts[name] === "number") cell.textContent = String(counts[name]);
    });
  }

  function update(data) {
    fill(section.querySelector("p"), data);
    var bar = section.querySelector("progress");
    bar.max = data.total;
    bar.value = data.sent;
    bar.textContent = data.sent + " van " + data.total;
    Object.keys(data.channels).forEach(function (channel) {
      var row = section.querySelector('tr[data-channel="' + channel + '"]');
      if (row) fill(row, data.channels[channel]);
    });
    section.querySelector("[data-fanning-out]").hidden = !data.fanning_out;
    var status = document.getElementById("crisis-status");
    if (status) status.textContent = data.status_label;
    var waits = document.getElementById("crisis-waits");
    if (waits && data.status !== "awaiting_confirmation") waits.hidden = true;
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) return;
        update(data);
        if (!data.done) window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }

  poll();
})();
