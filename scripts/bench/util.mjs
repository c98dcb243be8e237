// Small helpers for the benchmark: time limits, child processes, statistics, the browser's path.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Rejects with `what timed out after N s` unless `promise` settles first. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs a command in its own process group and resolves with its output; on a time-out the whole
 * group (the command and the children it started, e.g. a Chrome) is stopped by its id.
 */
export function run(command, args, { timeoutMs, env = process.env, cwd = process.cwd(), echo = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      if (echo) process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      stderr += d;
      if (echo) process.stderr.write(d);
    });
    let timedOut = false;
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          stopGroup(child.pid);
        }, timeoutMs)
      : undefined;
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) reject(new Error(`${command} ${args.join(' ')} timed out after ${Math.round(timeoutMs / 1000)} s\n${tail(stderr || stdout)}`));
      else if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}\n${tail(stderr || stdout)}`));
      else resolve({ stdout, stderr });
    });
  });
}

function stopGroup(pid) {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  setTimeout(() => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 3000).unref();
}

export const tail = (text, lines = 25) => text.trim().split('\n').slice(-lines).join('\n');

export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** The p-th percentile (0..100), nearest rank. */
export function percentile(sorted, p) {
  if (!sorted.length) return null;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

/** The browser: $CHROME_PATH, else Debian's Chromium, else Playwright's own (undefined). */
export function findChrome() {
  for (const candidate of [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Flags every browser of the benchmark runs with (QUIC and background traffic off: no network here). */
export const CHROME_FLAGS = ['--disable-quic', '--disable-background-networking', '--disable-component-update'];

export const log = (...args) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);
