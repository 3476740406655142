import { setTimeout as delay } from 'node:timers/promises';
import { DEFAULT_MAX_FRAME_BYTES, type EnvelopeInit } from '@llorch/protocol';
import { createFatalLogger, createLogger } from './createLogger.js';
import { createJobTokenizer } from './createJobTokenizer.js';
import { errorCode } from './errors.js';
import { EXIT_CODES, type ExitCode } from './exitCodes.js';
import { helloFor } from './helloFor.js';
import { IpcConnection } from './IpcConnection.js';
import { loadModel, type LoadedModel } from './loadModel.js';
import type { WorkerArgs } from './parseWorkerArgs.js';
import { WorkerSession } from './WorkerSession.js';

const fatalLog = createFatalLogger();

/** Longest the worker waits to flush its last frames before exiting. */
const FLUSH_TIMEOUT_MS = 2000;

/** Writes why the worker dies to stderr and exits with `code`. */
export function die(code: ExitCode, reason: string, error?: unknown): never {
  fatalLog.fatal({ exitCode: code, ...(error !== undefined && { err: error }) }, reason);
  process.exit(code);
}

/**
 * Loads the model, connects to the orchestrator's socket, says Hello and serves jobs until a
 * Shutdown, a signal or a fatal error ends the process.
 */
export async function runWorker(args: WorkerArgs): Promise<void> {
  const log = createLogger({ model: args.name ?? args.model, device: args.device });
  process.on('uncaughtException', (error) => die(EXIT_CODES.INTERNAL, 'uncaught exception', error));
  process.on('unhandledRejection', (error) =>
    die(EXIT_CODES.INTERNAL, 'unhandled rejection', error),
  );

  let model: LoadedModel;
  try {
    model = await loadModel(args);
  } catch (error) {
    const code = errorCode(error, 'WORKER_ERR_ENGINE');
    die(
      EXIT_CODES.LOAD_FAILED,
      `loading ${args.model} failed: ${code}: ${(error as Error).message}`,
      error,
    );
  }
  log.info({ stats: model.engine.stats() }, 'model loaded');

  let connection: IpcConnection | undefined;
  let exiting = false;
  const send = (envelope: EnvelopeInit): void => {
    try {
      connection?.send(envelope);
    } catch (error) {
      log.error({ err: error, payload: Object.keys(envelope) }, 'frame not sent');
    }
  };
  const exit = async (code: ExitCode, reason: string): Promise<void> => {
    if (exiting) return;
    exiting = true;
    session.close();
    // A clean stop releases the engine. After a failure the process exit frees it anyway, and
    // unloading from a dead device could hang.
    if (code === EXIT_CODES.OK) {
      try {
        await model.engine.unload();
      } catch (error) {
        log.warn({ err: error }, 'engine unload failed');
      }
    }
    // Flush the last frames (JobDone, JobFailed), without waiting on a peer that stopped reading.
    await Promise.race([connection?.close(), delay(FLUSH_TIMEOUT_MS, undefined, { ref: false })]);
    if (code !== EXIT_CODES.OK) die(code, reason);
    log.info({ reason }, 'worker stopped');
    process.exit(code);
  };

  const session = new WorkerSession({
    engine: model.engine,
    tokenizer: createJobTokenizer(model.tokenizer),
    send,
    logger: log.child({ subsys: 'jobs' }),
    onExit: (code, reason) => void exit(code, reason),
  });

  try {
    connection = await IpcConnection.connect(args.ipc, DEFAULT_MAX_FRAME_BYTES, {
      onEnvelope: (envelope) => session.handle(envelope),
      onBadFrame: (error) => {
        if (error.fatal) {
          session.cancelAll();
          void exit(EXIT_CODES.PROTOCOL_ERROR, `${error.code}: ${error.message}`);
          return;
        }
        log.warn({ code: error.code }, error.message);
        send({ frameRejected: { code: error.code, message: error.message } });
      },
      onClose: (error) => {
        session.cancelAll();
        void exit(EXIT_CODES.IPC_LOST, `IPC connection closed${error ? `: ${error.message}` : ''}`);
      },
    });
  } catch (error) {
    die(EXIT_CODES.IPC_LOST, `cannot connect to ${args.ipc}: ${(error as Error).message}`, error);
  }

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      session.cancelAll();
      void exit(EXIT_CODES.OK, signal);
    });
  }

  send({ hello: helloFor(model) });
  session.start();
  log.info({ ipc: args.ipc }, 'ready');
}
