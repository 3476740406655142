import type { ReplicaSpec } from './replica.js';

export interface WorkerCommand {
  file: string;
  args: string[];
  env: Record<string, string | undefined>;
}

/**
 * How to start the worker of a replica: `command` (node and the worker's main script) with the
 * replica's model, device and limits, talking over the IPC socket at `socketPath`.
 */
export function workerCommand(
  command: string[],
  spec: ReplicaSpec,
  socketPath: string,
): WorkerCommand {
  const [file, ...prefix] = command;
  const { config, device } = spec;
  const args = [...prefix, '--model', config.path, '--device', device, '--ipc', socketPath];
  args.push('--name', spec.model, '--max-seqs', String(config.maxSeqs));
  if (config.ctx !== undefined) args.push('--ctx', String(config.ctx));
  if (config.threads !== undefined) args.push('--threads', String(config.threads));
  return { file: file!, args, env: workerEnv() };
}

// The worker inherits the environment minus the orchestrator's secrets and Node options
// meant for the orchestrator itself.
function workerEnv(): Record<string, string | undefined> {
  const env = { ...process.env };
  for (const key of ['LLORCH_ADMIN_TOKEN', 'LLORCH_API_KEYS', 'NODE_OPTIONS']) delete env[key];
  return env;
}
