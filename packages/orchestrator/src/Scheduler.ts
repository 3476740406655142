import type { ModelConfig } from './config.js';
import { OrchError } from './errors.js';
import type { Job } from './job.js';
import type { DeviceProbe, ReplicaHandle } from './replica.js';
import type { ModelView } from './schedulerState.js';
import { SchedulerLoop, unknownModel, type SchedulerOptions } from './SchedulerLoop.js';

export type { SchedulerOptions } from './SchedulerLoop.js';

/**
 * The scheduler actor's public face. Calls that change state post a command to the loop
 * (`SchedulerLoop`), which runs commands one at a time in arrival order and alone changes the
 * state; what can be refused at once (unknown model or worker, a device not present) throws
 * here, before anything is posted. Reads look at the loop's state as it stands.
 */
export class Scheduler {
  private readonly loop: SchedulerLoop;
  private readonly probe: DeviceProbe;

  constructor(opts: SchedulerOptions) {
    this.loop = new SchedulerLoop(opts);
    this.probe = opts.probe;
  }

  /** Admits a job. Refusals (unknown model, full queue) fail the job before this returns. */
  submit(job: Job): void {
    this.loop.post({ type: 'submit', job });
  }

  cancel(jobId: string): void {
    this.loop.post({ type: 'cancel', jobId });
  }

  async loadModel(name: string, config: ModelConfig): Promise<void> {
    this.requireAbsent(name);
    const present = new Set((await this.probe()).map((d) => d.device));
    for (const device of config.devices) {
      if (!present.has(device)) {
        throw new OrchError(
          'ORCH_ERR_DEVICE_UNAVAILABLE',
          `model "${name}": device ${device} is not present`,
          {
            param: 'devices',
          },
        );
      }
    }
    // Checked again: a load of the same name may have been posted while the probe ran.
    this.requireAbsent(name);
    this.loop.post({ type: 'load', name, config });
  }

  /** Stops admitting jobs for the model, lets queued and running ones finish, then stops its workers. */
  unloadModel(name: string): Promise<void> {
    if (!this.loop.models.has(name)) return Promise.reject(unknownModel(name));
    return new Promise((resolve) => this.loop.post({ type: 'unload', name, resolve }));
  }

  drainReplica(id: string): void {
    this.requireReplica(id);
    this.loop.post({ type: 'drain', replicaId: id });
  }

  restartReplica(id: string): void {
    this.requireReplica(id);
    this.loop.post({ type: 'restart', replicaId: id });
  }

  hasModel(name: string): boolean {
    const m = this.loop.models.get(name);
    return m !== undefined && !m.unloading;
  }

  modelNames(): string[] {
    return [...this.loop.models.values()].filter((m) => !m.unloading).map((m) => m.name);
  }

  /** True when every model has at least one ready replica. */
  ready(): boolean {
    for (const m of this.loop.models.values()) {
      if (!m.replicas.some((r) => r.status === 'ready')) return false;
    }
    return true;
  }

  get activeJobs(): number {
    return this.loop.active.size;
  }

  views(): ModelView[] {
    return [...this.loop.models.values()].map((m) => ({
      name: m.name,
      config: m.config,
      unloading: m.unloading,
      queued: m.queue.length,
      running: m.replicas.reduce((n, r) => n + r.running.size, 0),
      replicas: m.replicas.map((r) => ({
        id: r.spec.id,
        status: r.status,
        running: r.running.size,
        capacity: r.capacity,
        info: r.info,
      })),
    }));
  }

  replicaHandles(): ReplicaHandle[] {
    return [...this.loop.replicas.values()].map((r) => r.handle);
  }

  /** Resolves once no job is queued or running. */
  whenIdle(): Promise<void> {
    return this.loop.whenIdle();
  }

  /** Cancels every job still queued or running (shutdown past its grace period). */
  cancelAll(): void {
    for (const id of [...this.loop.active.keys()]) this.loop.post({ type: 'cancel', jobId: id });
  }

  /** Stops every worker; the scheduler accepts nothing afterwards. */
  close(): Promise<void> {
    return this.loop.close();
  }

  private requireAbsent(name: string): void {
    if (this.loop.models.has(name)) {
      throw new OrchError('ORCH_ERR_MODEL_EXISTS', `model "${name}" is already loaded`, {
        param: 'name',
      });
    }
  }

  private requireReplica(id: string): void {
    if (!this.loop.replicas.has(id)) {
      throw new OrchError('ORCH_ERR_UNKNOWN_WORKER', `no worker with id "${id}"`, { param: 'id' });
    }
  }
}
