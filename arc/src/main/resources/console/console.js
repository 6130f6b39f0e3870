// Vigil ARC console: the 120 s filter countdowns and the statistics charts. No build step, no dependencies.
(function () {
  function tick() {
    document.querySelectorAll('[data-left]').forEach(function (el) {
      el.dataset.until = String(Date.now() + Number(el.dataset.left) * 1000); el.removeAttribute('data-left');
    });
    document.querySelectorAll('[data-until]').forEach(function (el) {
      var left = Math.ceil((Number(el.dataset.until) - Date.now()) / 1000);
      if (left > 0) { el.textContent = left + ' s'; } else { el.textContent = 'filter over'; el.classList.add('done'); el.removeAttribute('data-until'); }
    });
  }
  setInterval(tick, 1000);

  // Charts drawn from the JSON API as plain SVG bars. Text goes in with textContent (never innerHTML).
  function bars(svg, values, target) {
    var ns = 'http://www.w3.org/2000/svg', w = Number(svg.getAttribute('width')), h = Number(svg.getAttribute('height'));
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var max = Math.max.apply(null, values.concat([target || 0, 1]));
    var bw = Math.max(2, Math.floor((w - 40) / Math.max(values.length, 1)) - 2);
    values.forEach(function (v, i) {
      var r = document.createElementNS(ns, 'rect'), bh = Math.round((h - 20) * v / max);
      r.setAttribute('x', 35 + i * (bw + 2)); r.setAttribute('y', h - 10 - bh); r.setAttribute('width', bw); r.setAttribute('height', bh);
      r.setAttribute('fill', target && v > target ? '#c0152f' : '#1f5fbf');
      var t = document.createElementNS(ns, 'title'); t.textContent = String(v); r.appendChild(t); svg.appendChild(r);
    });
    var label = document.createElementNS(ns, 'text'); label.setAttribute('x', 2); label.setAttribute('y', 12); label.setAttribute('font-size', '10');
    label.textContent = String(max); svg.appendChild(label);
    if (target) {
      var y = h - 10 - Math.round((h - 20) * target / max), l = document.createElementNS(ns, 'line');
      l.setAttribute('x1', 30); l.setAttribute('x2', w); l.setAttribute('y1', y); l.setAttribute('y2', y); l.setAttribute('stroke', '#e6a400');
      l.setAttribute('stroke-dasharray', '4 3'); svg.appendChild(l);
    }
  }
  function stats() {
    var box = document.getElementById('stats');
    if (!box) return;
    fetch(box.dataset.src, { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (s) {
      box.textContent = '';
      var p = document.createElement('p');
      p.textContent = s.alarmsTaken + ' alarms taken, ' + s.alarmsClosed + ' closed. Median time to take ' + s.medianSecondsToTake
        + ' s, to close ' + s.medianSecondsToClose + ' s.';
      box.appendChild(p);
      var ul = document.createElement('ul');
      s.targets.forEach(function (t) {
        var li = document.createElement('li');
        li.textContent = t.actualPercent + ' % taken within ' + t.withinSeconds + ' s (target ' + t.targetPercent + ' %, '
          + (t.met ? 'met' : 'NOT met') + '; ' + t.source + ')';
        li.className = t.met ? 'target-met' : 'target-missed'; ul.appendChild(li);
      });
      box.appendChild(ul);
      bars(document.getElementById('chart-take'), s.secondsToTake, 30);
      bars(document.getElementById('chart-close'), s.secondsToClose, 0);
      bars(document.getElementById('chart-rate'), s.signalsPerSecond, 0);
      var f = document.getElementById('failing'); f.textContent = '';
      if (s.accountsWithFailingPaths.length === 0) { var n = document.createElement('li'); n.textContent = 'none'; f.appendChild(n); }
      s.accountsWithFailingPaths.forEach(function (a) {
        var li = document.createElement('li'); li.textContent = a.accountId + ' ' + a.name + ': ' + a.failedPaths.join(', '); f.appendChild(li);
      });
    });
  }
  window.stats = stats;
  stats();
})();
// Live updates: one EventSource per page. The webjar's ext/sse.js is the htmx 1 extension, whose
// hx-trigger="sse:..." does nothing under htmx 2, so this small glue does it: on an "alarms" event every
// element marked data-refresh="alarms" is asked (htmx event "refresh") to re-fetch its fragment.
(function () {
  function mark(live) {
    document.body.dataset.live = live ? '1' : '0';
    var el = document.getElementById('live-indicator');
    if (el) { el.textContent = live ? 'live' : 'OFFLINE: reconnecting'; el.className = live ? 'badge path-ok' : 'badge path-fail'; }
  }
  if (!document.body || !document.body.dataset.events) return;
  var es = new EventSource(document.body.dataset.events);
  es.onopen = function () { mark(true); };
  es.onerror = function () { mark(false); };
  es.addEventListener('logout', function () { es.close(); window.location = '/console/login'; });
  // Under a burst of signals, refresh at most every 300 ms (the last change is never lost: a refresh follows it).
  var pending = null;
  es.addEventListener('alarms', function () {
    if (pending) return;
    pending = setTimeout(function () {
      pending = null;
      document.querySelectorAll('[data-refresh~="alarms"]').forEach(function (el) { htmx.trigger(el, 'refresh'); });
      if (document.getElementById('stats')) window.stats();
    }, 300);
  });
  window.addEventListener('beforeunload', function () { es.close(); });
})();
