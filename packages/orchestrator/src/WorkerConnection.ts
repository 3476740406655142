import type { Socket } from 'node:net';
import {
  DEFAULT_MAX_FRAME_BYTES,
  FrameDecoder,
  encodeFrame,
  type Envelope,
  type EnvelopeInit,
} from '@llorch/protocol';

export interface ConnectionHandlers {
  frame(env: Envelope): void;
  /** The stream lost its framing or a frame could not be decoded. */
  protocolError(code: string, message: string, fatal: boolean): void;
  closed(): void;
}

/** One worker's IPC socket: frames in, frames out. */
export class WorkerConnection {
  private readonly socket: Socket;
  private readonly decoder = new FrameDecoder(DEFAULT_MAX_FRAME_BYTES);
  private open = true;

  constructor(socket: Socket, handlers: ConnectionHandlers) {
    this.socket = socket;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      if (this.decoder.failed) return;
      for (const f of this.decoder.push(chunk)) {
        if (f.error !== undefined) {
          handlers.protocolError(f.error.code, f.error.message, f.error.fatal);
          if (f.error.fatal) return;
        } else {
          handlers.frame(f.envelope);
        }
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.open = false;
      handlers.closed();
    });
  }

  /** Sends one frame. A frame over the size limit is not sent; nothing is sent once closed. */
  send(env: EnvelopeInit): 'sent' | 'closed' | 'too_large' {
    if (!this.open) return 'closed';
    let frame: Uint8Array;
    try {
      frame = encodeFrame(env);
    } catch {
      return 'too_large';
    }
    this.socket.write(frame);
    return 'sent';
  }

  close(): void {
    this.open = false;
    this.socket.destroy();
  }
}
