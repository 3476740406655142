export { llorch } from '#generated/worker.js';
export * from './errors.js';
export * from './messages.js';
export * from './frameLimits.js';
export * from './protocolVersion.js';
export { encodeFrame } from './encodeFrame.js';
export { FrameDecoder, type DecodedFrame } from './FrameDecoder.js';
