// Running executions update by themselves: each element with data-progress-url polls its
// execution every 2 s, shows status and progress, and reloads the page once it has ended.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-progress-url]').forEach(element => {
    const timer = setInterval(async () => {
      const response = await fetch(element.dataset.progressUrl, { headers: { 'Accept': 'application/json' } });
      if (!response.ok) { return; }
      const execution = await response.json();
      const status = element.querySelector('.status');
      if (status) { status.textContent = execution.status; }
      const text = element.querySelector('.progress-text');
      const bar = element.querySelector('.bar > span');
      if (execution.progress) {
        const p = execution.progress;
        const percent = p.total > 0 ? Math.min(100, Math.floor(100 * p.done / p.total)) : 0;
        if (text) {
          text.textContent = p.done + ' of ' + p.total + ' ' + p.unit + ' (' + percent + '%), '
            + Math.round(p.ratePerSecond) + ' ' + p.unit + '/s'
            + (p.secondsLeft != null ? ', about ' + p.secondsLeft + ' s left' : '');
        }
        if (bar) { bar.style.width = percent + '%'; }
      }
      if (!execution.running) {
        clearInterval(timer);
        window.location.reload();
      }
    }, 2000);
  });
});
