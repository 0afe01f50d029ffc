// A progress bar for long CLI work; plain lines when stdout is not a terminal (CI, logs).
import cliProgress from 'cli-progress';

export function progressBar() {
  const tty = process.stdout.isTTY;
  const bar = new cliProgress.SingleBar({ format: '{stage} [{bar}] {value}/{total}', hideCursor: true }, cliProgress.Presets.shades_classic);
  let stage = '';
  let started = false;
  let lastPct = -1;
  return {
    update: (s: string, done: number, total: number) => {
      if (tty) {
        if (!started || s !== stage) {
          if (started) bar.stop();
          bar.start(total, done, { stage: s });
          started = true;
        } else bar.update(done, { stage: s });
      } else {
        const pct = total ? Math.floor((done / total) * 10) * 10 : 100;
        if (s !== stage || pct !== lastPct) console.log(`${s} ${done}/${total}`);
        lastPct = pct;
      }
      stage = s;
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
