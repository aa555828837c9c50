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

// The run page: step logs stream in while the run is going (server-sent events), with auto-scroll and search;
// when the run ends the page reloads to show the final status, the model timing and the artifacts.
(function () {
  const root = document.querySelector('[data-run-steps]');
  if (!root) return;
  const search = root.querySelector('[data-log-search]');
  function filter(pre) {
    const term = (search.value || '').toLowerCase();
    for (const line of pre.children) line.hidden = term !== '' && !line.textContent.toLowerCase().includes(term);
  }
  function logFor(step) {
    let details = root.querySelector('[data-step="' + step + '"]');
    if (!details) {
      root.querySelector('[data-no-steps]')?.remove();
      details = document.createElement('details');
      details.className = 'card'; details.dataset.step = step; details.open = true;
      const summary = document.createElement('summary'); summary.textContent = 'Step ' + step;
      const pre = document.createElement('pre'); pre.className = 'log'; pre.setAttribute('role', 'log');
      pre.setAttribute('aria-label', 'Log of step ' + step);
      details.append(summary, pre); root.append(details);
    }
    details.open = true;
    return details.querySelector('pre');
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
  const badge = document.querySelector('h1 [role=status]');
  source.addEventListener('line', e => {
    const data = JSON.parse(e.data);
    if (badge && badge.textContent !== 'Running') { badge.textContent = 'Running'; badge.className = 'badge s-3'; }
    const pre = logFor(data.step);
    const follow = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 8;
    const div = document.createElement('div'); div.textContent = data.text; pre.append(div);
    filter(pre);
    if (follow) pre.scrollTop = pre.scrollHeight;
  });
  source.addEventListener('end', () => { source.close(); setTimeout(() => location.reload(), 300); });
})();
