// protobufjs is CommonJS whose exports Node cannot list statically: import the whole object.
import protobuf from 'protobufjs/minimal.js';
import { ProtocolError } from './errors.js';
import { DEFAULT_MAX_FRAME_BYTES, FRAME_HEADER_BYTES } from './frameLimits.js';
import { v1, type EnvelopeInit } from './messages.js';

/**
 * Encodes one Envelope as a frame: a 4-byte big-endian length, then the Envelope's bytes.
 * Throws ProtocolError(PROTOCOL_ERR_FRAME_TOO_LARGE) rather than send a frame the peer
 * would have to treat as a corrupt stream.
 */
export function encodeFrame(
  envelope: EnvelopeInit,
  maxFrameBytes: number = DEFAULT_MAX_FRAME_BYTES,
): Uint8Array {
  // Four placeholder bytes go first so the message is written once, straight after them;
  // they are overwritten with the big-endian length below (protobuf's fixed32 is
  // little-endian, so it cannot write the prefix itself).
  const frame = v1.Envelope.encode(envelope, protobuf.Writer.create().fixed32(0)).finish();
  const bodyBytes = frame.length - FRAME_HEADER_BYTES;
  if (bodyBytes > maxFrameBytes) {
    throw new ProtocolError(
      'PROTOCOL_ERR_FRAME_TOO_LARGE',
      `frame of ${bodyBytes} bytes exceeds the maximum frame size of ${maxFrameBytes} bytes`,
      false,
    );
  }
  new DataView(frame.buffer, frame.byteOffset, FRAME_HEADER_BYTES).setUint32(0, bodyBytes, false);
  return frame;
}
