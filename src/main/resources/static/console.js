// Running executions update by themselves: each element with data-progress-url polls its
// execution every 2 s, shows status and progress (of the step working now, and each step's row
// on an execution's page), and reloads the page once it has ended, a step has started that the
// page has no row for, or its process is found gone (then it offers Restart instead of Stop).
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
        const step = element.querySelector('.progress-step');
        if (step) { step.textContent = ' of ' + execution.progress.step; }
      }
      const rows = element.querySelectorAll('tr[data-step]');
      let newStep = false;
      if (rows.length > 0) {
        const byName = new Map(Array.from(rows, row => [row.dataset.step, row]));
        (execution.steps || []).forEach(step => {
          const row = byName.get(step.name);
          if (!row) { newStep = true; return; }
          row.querySelector('.step-status').textContent = step.status;
          row.querySelector('.step-read').textContent = step.read;
          row.querySelector('.step-written').textContent = step.written;
          row.querySelector('.step-commits').textContent = step.commits;
          row.querySelector('.step-progress').textContent = step.progress ? step.progress.text : '';
          row.querySelector('.step-worker').textContent = step.worker || '';
        });
      }
      if (!execution.running || execution.alive !== alive || newStep) {
        clearInterval(timer);
        window.location.reload();
      }
    }, 2000);
  });
});
