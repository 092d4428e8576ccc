// The Microsoft 365 Agents Playground as a child process, pointed at an app endpoint, for e2e tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts the Playground on `port` talking to `endpoint`; resolves once it listens. */
export function startPlayground(endpoint: string, port: number): Promise<ChildProcess> {
  // No browser to open here: a no-op xdg-open keeps the Playground from exiting after "Listening".
  const dir = mkdtempSync(path.join(os.tmpdir(), 'psc-pg-'));
  writeFileSync(path.join(dir, 'xdg-open'), '#!/bin/sh\nexit 0\n');
  chmodSync(path.join(dir, 'xdg-open'), 0o755);
  const bin = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'agentsplayground');
  const child = spawn(
    bin,
    ['start', '-e', endpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'],
    {
      env: { ...process.env, PATH: `${dir}${path.delimiter}${process.env.PATH ?? ''}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the Agents Playground did not start')), 30_000);
    const onData = (chunk: Buffer): void => {
      if (!/listening/i.test(chunk.toString())) return;
      clearTimeout(timer);
      resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the Agents Playground exited (${code ?? 'signal'})`)));
  });
}
