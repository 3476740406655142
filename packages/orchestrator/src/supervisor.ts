import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import type { Logger } from 'pino';
import type { Config, Device } from './config.js';
import type {
  DeviceInfo,
  ReplicaEvents,
  ReplicaHandle,
  ReplicaSpawner,
  ReplicaSpec,
} from './replica.js';
import { WorkerProcess } from './WorkerProcess.js';

/** `node packages/worker/dist/main.js`, found next to this package in the workspace. */
export function defaultWorkerCommand(): string[] {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return [process.execPath, path.resolve(here, '../../worker/dist/main.js')];
}

/** Spawns one supervised worker process per replica. */
export class Supervisor implements ReplicaSpawner {
  private readonly timing: Config['supervisor'];
  private readonly log: Logger;
  private readonly socketDir: string;
  private readonly command: string[];

  constructor(timing: Config['supervisor'], log: Logger) {
    this.timing = timing;
    this.log = log;
    this.command = timing.workerCommand ?? defaultWorkerCommand();
    // Unix socket paths are limited to ~100 bytes, so they live in a short private directory.
    this.socketDir = mkdtempSync(path.join(os.tmpdir(), 'llorch-'));
  }

  spawn(spec: ReplicaSpec, events: ReplicaEvents): ReplicaHandle {
    return new WorkerProcess(spec, events, {
      command: this.command,
      socketDir: this.socketDir,
      timing: this.timing,
      log: this.log,
    });
  }

  /** Removes the socket directory; call after every worker has stopped. */
  dispose(): void {
    rmSync(this.socketDir, { recursive: true, force: true });
  }
}

/** The CPU, plus every GPU nvidia-smi lists (none where it is absent). */
export async function probeDevices(): Promise<DeviceInfo[]> {
  const cpu: DeviceInfo = {
    device: 'cpu',
    memoryTotalBytes: os.totalmem(),
    memoryFreeBytes: os.freemem(),
  };
  const r = await execa(
    'nvidia-smi',
    ['--query-gpu=index,memory.total,memory.free', '--format=csv,noheader,nounits'],
    { reject: false, timeout: 10_000 },
  );
  if (r.failed || typeof r.stdout !== 'string') return [cpu];
  const gpus: DeviceInfo[] = [];
  for (const line of r.stdout.split('\n')) {
    const [index, total, free] = line.split(',').map((s) => Number(s.trim()));
    if (index === undefined || !Number.isInteger(index)) continue;
    const mib = 1024 * 1024;
    gpus.push({
      device: `cuda:${index}` as Device,
      memoryTotalBytes: (total ?? 0) * mib,
      memoryFreeBytes: (free ?? 0) * mib,
    });
  }
  return [cpu, ...gpus];
}
