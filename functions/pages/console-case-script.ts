/**
 * The case page's script, served as a static asset of the console (no inline code: the CSP allows only this file).
 * The page works without it; with it:
 * - live notices: while the page is visible it polls `<caseId>/live` at most every 5 s (`state=replying` while the
 *   reply box has focus or text), and says in the live region when a new customer message arrived (with a link that
 *   reloads the case) or who else is viewing or replying; polling stops while the tab is hidden;
 * - keyboard shortcuts, ignored while typing in a field or with a modifier: `r` reply, `n` note, `s` resolve, `j` the
 *   next case, `?` the list of shortcuts (a `<details>` on the page, so the list is there without the script too).
 * Every word comes from the page (data attributes), so the script holds no language. Plain browser JavaScript.
 */
export const CONSOLE_CASE_SCRIPT = `(function () {
  'use strict';
  var live = document.getElementById('live');
  if (!live) return;
  var POLL_MS = 5000;
  var known = Number(live.getAttribute('data-messages') || '0');
  var url = live.getAttribute('data-poll');
  var reply = document.getElementById('reply-body');
  var timer = null;
  var busy = false;

  function text(tag, value, className) {
    var node = document.createElement(tag);
    node.textContent = value;
    if (className) node.className = className;
    return node;
  }

  function show(state) {
    var lines = [];
    if (state.customerMessages > known) {
      var line = text('p', live.getAttribute('data-new-message') + ' ', 'live-new');
      var link = text('a', live.getAttribute('data-reload'));
      link.href = window.location.pathname;
      line.appendChild(link);
      lines.push(line);
    }
    (state.others || []).forEach(function (other) {
      var template = live.getAttribute(other.state === 'replying' ? 'data-replying' : 'data-viewing');
      lines.push(text('p', template.replace('{name}', other.name)));
    });
    while (live.firstChild) live.removeChild(live.firstChild);
    lines.forEach(function (line) { live.appendChild(line); });
  }

  function replying() {
    return !!reply && (document.activeElement === reply || reply.value.trim() !== '');
  }

  function poll() {
    timer = null;
    if (document.visibilityState !== 'visible' || busy || !url) return;
    busy = true;
    fetch(url + '?state=' + (replying() ? 'replying' : 'viewing'), {
      credentials: 'same-origin',
      headers: { accept: 'application/json' }
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) { if (state) show(state); })
      .catch(function () {})
      .then(function () { busy = false; schedule(); });
  }

  function schedule() {
    if (timer === null && document.visibilityState === 'visible') timer = window.setTimeout(poll, POLL_MS);
  }

  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') poll();
    else if (timer !== null) { window.clearTimeout(timer); timer = null; }
  });
  if (reply) reply.addEventListener('focus', function () { if (timer !== null) { window.clearTimeout(timer); } poll(); });
  poll();

  var help = document.getElementById('shortcuts');
  function focusField(id) {
    var field = document.getElementById(id);
    if (!field) return false;
    field.scrollIntoView({ block: 'center' });
    field.focus();
    return true;
  }
  var keys = {
    r: function () { return focusField('reply-body'); },
    n: function () { return focusField('note-body'); },
    s: function () { return focusField('resolve-resolutionType'); },
    j: function () {
      var next = document.getElementById('next-case');
      if (!next) return false;
      window.location.href = next.href;
      return true;
    },
    '?': function () {
      if (!help) return false;
      help.open = !help.open;
      if (help.open) { help.scrollIntoView({ block: 'center' }); help.querySelector('summary').focus(); }
      return true;
    }
  };
  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (target && target.isContentEditable)) return;
    if (event.key === 'Escape' && help && help.open) { help.open = false; return; }
    var action = keys[event.key];
    if (action && action()) event.preventDefault();
  });
})();
`;
