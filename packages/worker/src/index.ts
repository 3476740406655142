export * from './errors.js';
export * from './exitCodes.js';
export { parseWorkerArgs, USAGE, type WorkerArgs } from './parseWorkerArgs.js';
export { WorkerSession, type WorkerSessionOptions } from './WorkerSession.js';
