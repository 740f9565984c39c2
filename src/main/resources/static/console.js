// Running executions update by themselves: each element with data-progress-url polls its
// execution every 2 s, shows status and progress, and reloads the page once it has ended or its
// process is found gone (then it offers Restart instead of Stop).
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-progress-url]').forEach(element => {
    const alive = element.dataset.alive === 'true';
    const timer = setInterval(async () => {
      const response = await fetch(element.dataset.progressUrl, { headers: { 'Accept': 'application/json' } });
      if (!response.ok) { return; }
      const execution = await response.json();
      const status = element.querySelector('.status');
      if (status) { status.textContent = execution.status; }
      const text = element.querySelector('.progress-text');
      const bar = element.querySelector('.bar > span');
      // The server words the progress, in the same words as the log.
      if (execution.progress) {
        if (text) { text.textContent = execution.progress.text; }
        if (bar) { bar.style.width = execution.progress.percent + '%'; }
      }
      if (!execution.running || execution.alive !== alive) {
        clearInterval(timer);
        window.location.reload();
      }
    }, 2000);
  });
});
