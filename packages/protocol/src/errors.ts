/**
 * Every way a frame stream can be wrong. The README's "Error codes" table documents each
 * code; a test keeps the two in step.
 */
export const PROTOCOL_ERROR_CODES = [
  'PROTOCOL_ERR_FRAME_TOO_LARGE',
  'PROTOCOL_ERR_UNDECODABLE',
  'PROTOCOL_ERR_EMPTY_ENVELOPE',
  'PROTOCOL_ERR_TRUNCATED',
  'PROTOCOL_ERR_DECODER_FAILED',
  'PROTOCOL_ERR_BAD_OPTION',
] as const;

export type ProtocolErrorCode = (typeof PROTOCOL_ERROR_CODES)[number];

/**
 * A frame that cannot be used. `fatal` means the stream has lost its framing (the length
 * prefix cannot be trusted) and the connection has to be dropped; a non-fatal error spoils
 * one frame only, and the frames after it decode normally.
 */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';

  constructor(
    readonly code: ProtocolErrorCode,
    message: string,
    readonly fatal: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
