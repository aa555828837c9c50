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
