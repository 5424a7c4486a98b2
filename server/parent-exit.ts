// Under `npx optout-frame` (npm exec), a stop that reaches npm's shell and not the host still stops the host.
//
// npm exec runs the command through `sh -c`. Where /bin/sh is dash (Debian, Ubuntu), that shell
// neither replaces itself with the command nor passes a signal on: npm forwards SIGTERM to the
// shell, the shell dies, and the host would keep its port, re-parented. So a host that npm
// started checks its parent now and then, and stops as for SIGTERM once that parent is gone.

/** How often the parent is checked: a stop within a second, for one cheap system call. */
const CHECK_INTERVAL_MS = 250;

/** When npm started this process (`npm exec`, `npx`, `npm run`), runs `stop` once its parent process has gone. */
export function stopWhenNpmParentExits(stop: () => void, env: NodeJS.ProcessEnv = process.env): void {
  // Anything else (systemd, a container, `node …/optout-frame` in a shell) delivers its signals itself,
  // and a host started with nohup must outlive its shell.
  if (env.npm_lifecycle_event === undefined) return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    stop();
  }, CHECK_INTERVAL_MS);
  timer.unref();
}
