// Slipway's only script: checks the job form as you type (commands with the CLI's parser, the cron preview) by asking
// the service; without it the form still works, checked on submit.
(function () {
  const form = document.querySelector('[data-slipway-job-form]');
  if (!form) return;
  const field = name => form.querySelector('[data-check="' + name + '"]');
  const out = name => form.querySelector('[data-check-output="' + name + '"]');
  let timer = 0;
  async function check() {
    const query = new URLSearchParams({ commands: field('commands').value, cron: field('cron').value, timezone: field('timezone').value });
    const response = await fetch('/ui/check/job?' + query, { headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    const result = await response.json();
    const commands = out('commands');
    commands.textContent = result.commands.join(' ');
    field('commands').setAttribute('aria-invalid', result.commands.length > 0 ? 'true' : 'false');
    const firings = out('firings');
    firings.replaceChildren();
    if (result.cron_error) {
      const p = document.createElement('p'); p.className = 'field-error'; p.textContent = result.cron_error; firings.append(p);
    } else if (result.firings.length > 0) {
      const h = document.createElement('h3'); h.id = 'firings-title'; h.className = 'small'; h.textContent = 'Next five firings';
      const ol = document.createElement('ol'); ol.className = 'firings';
      for (const f of result.firings) { const li = document.createElement('li'); li.textContent = f; ol.append(li); }
      firings.append(h, ol);
    }
  }
  form.addEventListener('input', e => {
    if (!e.target.matches('[data-check]')) return;
    clearTimeout(timer);
    timer = setTimeout(check, 250);
  });
})();

// The run page: while the run is going its status, its steps' statuses and their logs arrive as server-sent events
// (one stream per viewer, no websocket circuit), with auto-scroll and search in the logs; when the run ends the page
// reloads to show the model timing and the artifacts.
(function () {
  const root = document.querySelector('[data-run-steps]');
  if (!root) return;
  const search = root.querySelector('[data-log-search]');
  function filter(pre) {
    const term = (search.value || '').toLowerCase();
    for (const line of pre.children) line.hidden = term !== '' && !line.textContent.toLowerCase().includes(term);
  }
  function setBadge(badge, status, text) {
    if (!badge || badge.textContent === text) return;
    badge.textContent = text; badge.className = 'badge s-' + status;
  }
  function stepFor(step, name, command) {
    let details = root.querySelector('[data-step="' + step + '"]');
    if (!details) {
      root.querySelector('[data-no-steps]')?.remove();
      details = document.createElement('details');
      details.className = 'card'; details.dataset.step = step; details.open = true;
      const summary = document.createElement('summary');
      const badge = document.createElement('span'); badge.className = 'badge s-1'; badge.setAttribute('role', 'status'); badge.textContent = 'Queued';
      const strong = document.createElement('strong'); strong.textContent = name || 'Step ' + step;
      const code = document.createElement('code'); code.className = 'small'; code.textContent = command || '';
      summary.append(badge, ' ', strong, ' ', code);
      const pre = document.createElement('pre'); pre.className = 'log'; pre.setAttribute('role', 'log');
      pre.setAttribute('aria-label', 'Log of step ' + (name || step));
      details.append(summary, pre); root.append(details);
    }
    return details;
  }
  // Completed runs are rendered on the server: make their lines searchable too.
  for (const pre of root.querySelectorAll('pre.log')) {
    const lines = pre.textContent.split('\n');
    if (pre.textContent === '') continue;
    pre.textContent = '';
    for (const text of lines) { const div = document.createElement('div'); div.textContent = text; pre.append(div); }
  }
  search.addEventListener('input', () => root.querySelectorAll('pre.log').forEach(filter));
  const url = root.dataset.stream;
  if (!url) return;
  const source = new EventSource(url);
  source.addEventListener('status', e => {
    const data = JSON.parse(e.data);
    setBadge(document.querySelector('h1 [role=status]'), data.status, data.status_humanized);
    // Success, Error, Cancelled: nothing left to cancel (the reload at the end brings the buttons of a finished run).
    if (data.status >= 10) document.querySelectorAll('[data-while-running]').forEach(e => { e.hidden = true; });
    const message = document.querySelector('[data-run-message]');
    if (message) message.textContent = data.status_message || '—';
    for (const step of data.steps) {
      const details = stepFor(step.index, step.name, step.command);
      const badge = details.querySelector('summary [role=status]');
      if (badge && badge.textContent !== step.status_humanized && step.status_humanized === 'Running') details.open = true;
      setBadge(badge, step.status, step.status_humanized);
    }
  });
  source.addEventListener('line', e => {
    const data = JSON.parse(e.data);
    const details = stepFor(data.step);
    const pre = details.querySelector('pre');
    const follow = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 8;
    const div = document.createElement('div'); div.textContent = data.text; pre.append(div);
    filter(pre);
    if (follow) pre.scrollTop = pre.scrollHeight;
  });
  source.addEventListener('end', () => { source.close(); setTimeout(() => location.reload(), 300); });
})();

// Retry from failure: the service's retry route answers with the new run, whose page is opened; a refusal is shown.
(function () {
  const button = document.querySelector('[data-retry]');
  if (!button) return;
  button.hidden = false;
  const alert = document.querySelector('[data-run-alert]');
  button.addEventListener('click', async () => {
    button.disabled = true;
    const response = await fetch(button.dataset.retry, { method: 'POST', headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => null);
    const id = body && (body.id ?? body.run_id ?? (body.data && body.data.id));
    if (response.ok && id) { location.assign(button.dataset.runPage + id); return; }
    button.disabled = false;
    alert.textContent = (body && body.error && body.error.message)
      || (response.status === 404 || response.status === 405 ? 'Retry from failure is not available on this service.' : 'The retry was refused (HTTP ' + response.status + ').');
    alert.hidden = false;
  });
})();
