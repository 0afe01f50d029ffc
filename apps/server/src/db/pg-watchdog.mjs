// Stops the embedded PostgreSQL (pid in argv) when the Siyu process that started it goes away.
// Siyu holds our stdin; its end means Siyu is gone, however it died.
const pid = Number(process.argv[2]);
const alive = () => { try { process.kill(pid, 0); return true; } catch { return false; } };
function stopPostgres() {
  if (!alive()) process.exit(0);
  try { process.kill(pid, 'SIGINT'); } catch { process.exit(0); }
  const started = Date.now();
  const timer = setInterval(() => {
    if (!alive()) process.exit(0);
    if (Date.now() - started > 15000) { try { process.kill(pid, 'SIGQUIT'); } catch {} process.exit(0); }
  }, 100);
  timer.unref?.();
  setTimeout(() => process.exit(0), 20000);
}
process.stdin.on('end', stopPostgres);
process.stdin.on('error', stopPostgres);
process.stdin.on('close', stopPostgres);
process.stdin.resume();
for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, () => {}); // a Ctrl-C to the group must not kill us first
