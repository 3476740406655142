/**
 * Process exit statuses, documented in the README. The orchestrator's supervisor reads them to
 * tell a clean stop from a crash worth restarting, and a bad model from a sick device.
 */
export const EXIT_CODES = {
  /** Shutdown frame or SIGTERM: jobs cancelled, engine released. */
  OK: 0,
  /** An unexpected internal error (a bug); the reason is on stderr. */
  INTERNAL: 1,
  /** The command line is invalid. */
  BAD_ARGUMENTS: 2,
  /** The model could not be loaded: GGUF, tokenizer or engine load failed. */
  LOAD_FAILED: 3,
  /** The IPC socket could not be reached, or the orchestrator closed it. */
  IPC_LOST: 4,
  /** The stream from the orchestrator lost its framing (oversize or truncated frame). */
  PROTOCOL_ERROR: 5,
  /** The device failed (a sticky CUDA error): the process cannot use it again. */
  DEVICE_LOST: 6,
  /** The engine failed in a way not tied to one job. */
  ENGINE_FAULT: 7,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
