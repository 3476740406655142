import { ProtocolError } from './errors.js';
import {
  DEFAULT_MAX_FRAME_BYTES,
  FRAME_HEADER_BYTES,
  MAX_FRAME_BYTES_LIMIT,
} from './frameLimits.js';
import { v1, type Envelope } from './messages.js';

/** One frame taken off the stream: its Envelope, or why it could not be used. */
export type DecodedFrame =
  | { readonly envelope: Envelope; readonly error?: undefined }
  | { readonly envelope?: undefined; readonly error: ProtocolError };

/**
 * Turns a byte stream (chunks split and coalesced anyhow) back into Envelopes.
 *
 * A frame whose bytes do not decode, or decode to an Envelope without a payload, yields a
 * non-fatal error and decoding goes on with the next frame: its length prefix was fine, so the
 * stream is still in step. A length prefix over the limit is fatal: nothing after it can be
 * trusted, the decoder refuses further input and the caller should drop the connection.
 */
export class FrameDecoder {
  readonly #maxFrameBytes: number;
  readonly #header = new Uint8Array(FRAME_HEADER_BYTES);
  #headerFilled = 0;
  /** The frame being assembled across chunks, allocated once its length is known. */
  #body: Uint8Array | undefined;
  #bodyFilled = 0;
  #failed = false;

  constructor(maxFrameBytes: number = DEFAULT_MAX_FRAME_BYTES) {
    if (
      !Number.isInteger(maxFrameBytes) ||
      maxFrameBytes < 0 ||
      maxFrameBytes > MAX_FRAME_BYTES_LIMIT
    ) {
      throw new ProtocolError(
        'PROTOCOL_ERR_BAD_OPTION',
        `maxFrameBytes must be an integer in [0, ${MAX_FRAME_BYTES_LIMIT}], got ${maxFrameBytes}`,
        false,
      );
    }
    this.#maxFrameBytes = maxFrameBytes;
  }

  /** Bytes held of a frame that has not completed yet. */
  get bufferedBytes(): number {
    return this.#headerFilled + this.#bodyFilled;
  }

  /** Whether a fatal error has stopped the decoder. */
  get failed(): boolean {
    return this.#failed;
  }

  /** Feeds one chunk; returns the frames it completed, in stream order. */
  push(chunk: Uint8Array): DecodedFrame[] {
    if (this.#failed) {
      throw new ProtocolError(
        'PROTOCOL_ERR_DECODER_FAILED',
        'the frame decoder hit a fatal error earlier and accepts no more input',
        true,
      );
    }
    const frames: DecodedFrame[] = [];
    let pos = 0;
    while (pos < chunk.length) {
      if (this.#body === undefined) {
        let length: number;
        if (this.#headerFilled === 0 && chunk.length - pos >= FRAME_HEADER_BYTES) {
          length = readUint32BE(chunk, pos);
          pos += FRAME_HEADER_BYTES;
        } else {
          const take = Math.min(FRAME_HEADER_BYTES - this.#headerFilled, chunk.length - pos);
          this.#header.set(chunk.subarray(pos, pos + take), this.#headerFilled);
          this.#headerFilled += take;
          pos += take;
          if (this.#headerFilled < FRAME_HEADER_BYTES) break;
          this.#headerFilled = 0;
          length = readUint32BE(this.#header, 0);
        }
        if (length > this.#maxFrameBytes) {
          this.#failed = true;
          frames.push({
            error: new ProtocolError(
              'PROTOCOL_ERR_FRAME_TOO_LARGE',
              `frame length prefix ${length} exceeds the maximum frame size of ${this.#maxFrameBytes} bytes`,
              true,
            ),
          });
          return frames;
        }
        if (chunk.length - pos >= length) {
          // The whole frame is in this chunk: decode it in place, no copy.
          frames.push(decodeEnvelope(chunk.subarray(pos, pos + length)));
          pos += length;
          continue;
        }
        this.#body = new Uint8Array(length);
        this.#bodyFilled = 0;
      }
      const take = Math.min(this.#body.length - this.#bodyFilled, chunk.length - pos);
      this.#body.set(chunk.subarray(pos, pos + take), this.#bodyFilled);
      this.#bodyFilled += take;
      pos += take;
      if (this.#bodyFilled === this.#body.length) {
        frames.push(decodeEnvelope(this.#body));
        this.#body = undefined;
        this.#bodyFilled = 0;
      }
    }
    return frames;
  }

  /** Call when the stream has ended: an error if it ended inside a frame. */
  end(): ProtocolError | undefined {
    if (this.bufferedBytes === 0) return undefined;
    return new ProtocolError(
      'PROTOCOL_ERR_TRUNCATED',
      `stream ended inside a frame, ${this.bufferedBytes} bytes into it`,
      true,
    );
  }
}

function readUint32BE(bytes: Uint8Array, at: number): number {
  return (
    (bytes[at] ?? 0) * 0x100_0000 +
    ((bytes[at + 1] ?? 0) << 16) +
    ((bytes[at + 2] ?? 0) << 8) +
    (bytes[at + 3] ?? 0)
  );
}

function decodeEnvelope(bytes: Uint8Array): DecodedFrame {
  let envelope: Envelope;
  try {
    envelope = v1.Envelope.decode(bytes);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return {
      error: new ProtocolError(
        'PROTOCOL_ERR_UNDECODABLE',
        `frame of ${bytes.length} bytes is not a valid Envelope: ${reason}`,
        false,
        { cause },
      ),
    };
  }
  if (envelope.payload === undefined) {
    return {
      error: new ProtocolError(
        'PROTOCOL_ERR_EMPTY_ENVELOPE',
        `frame of ${bytes.length} bytes holds an Envelope with no payload this peer knows`,
        false,
      ),
    };
  }
  return { envelope };
}
