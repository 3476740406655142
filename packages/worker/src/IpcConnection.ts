import net from 'node:net';
import {
  encodeFrame,
  FrameDecoder,
  type Envelope,
  type EnvelopeInit,
  type ProtocolError,
} from '@llorch/protocol';
import { HeldFrames } from './HeldFrames.js';

export interface IpcHandlers {
  onEnvelope(envelope: Envelope): void;
  /** A frame that could not be used; `error.fatal` means the stream lost its framing. */
  onBadFrame(error: ProtocolError): void;
  /** The orchestrator closed the connection, or it failed. */
  onClose(error: Error | undefined): void;
}

/**
 * The worker's end of the IPC stream: a Unix domain socket it connects to (the orchestrator
 * listens), carrying length-prefixed Envelope frames both ways.
 */
export class IpcConnection {
  readonly #socket: net.Socket;
  readonly #maxFrameBytes: number;
  readonly #held: HeldFrames;
  /** The socket's buffer is full: frames wait in #held until it drains. */
  #blocked = false;
  #closed = false;

  private constructor(socket: net.Socket, maxFrameBytes: number, handlers: IpcHandlers) {
    this.#socket = socket;
    this.#maxFrameBytes = maxFrameBytes;
    this.#held = new HeldFrames(maxFrameBytes / 2);
    socket.on('drain', () => {
      this.#blocked = false;
      while (!this.#blocked) {
        const frame = this.#held.shift();
        if (frame === undefined) break;
        this.#write(frame);
      }
    });
    const decoder = new FrameDecoder(maxFrameBytes);
    socket.on('data', (chunk: Buffer) => {
      if (decoder.failed) return;
      for (const frame of decoder.push(chunk)) {
        if (frame.error) handlers.onBadFrame(frame.error);
        else handlers.onEnvelope(frame.envelope);
      }
    });
    socket.on('end', () => {
      const truncated = decoder.end();
      if (truncated) handlers.onBadFrame(truncated);
    });
    let failure: Error | undefined;
    socket.on('error', (error) => {
      // 'close' always follows; the error is passed on there.
      failure = error;
    });
    socket.on('close', () => {
      if (this.#closed) return;
      this.#closed = true;
      handlers.onClose(failure);
    });
  }

  /** Connects to the orchestrator's socket at `path`. */
  static connect(
    path: string,
    maxFrameBytes: number,
    handlers: IpcHandlers,
  ): Promise<IpcConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.createConnection({ path });
      const onError = (error: Error): void => reject(error);
      socket.once('error', onError);
      socket.once('connect', () => {
        socket.off('error', onError);
        resolve(new IpcConnection(socket, maxFrameBytes, handlers));
      });
    });
  }

  /** Frames held back while the orchestrator does not keep up (see HeldFrames). */
  get heldFrames(): number {
    return this.#held.length;
  }

  /**
   * Sends one frame, or holds it while the socket's buffer is full. Throws ProtocolError if the
   * frame is over the size limit.
   */
  send(envelope: EnvelopeInit): void {
    if (this.#closed) return;
    if (!this.#blocked) {
      this.#write(envelope);
      return;
    }
    // Encoded now to refuse an oversized frame here, as an unblocked send would, and to size it.
    this.#held.add(envelope, encodeFrame(envelope, this.#maxFrameBytes).length);
  }

  #write(envelope: EnvelopeInit): void {
    if (!this.#socket.write(encodeFrame(envelope, this.#maxFrameBytes))) this.#blocked = true;
  }

  /** Flushes what was sent and closes the connection. */
  close(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#closed = true;
    return new Promise((resolve) => this.#socket.end(resolve));
  }
}
