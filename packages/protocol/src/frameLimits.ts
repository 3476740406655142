/** Bytes of the big-endian length prefix in front of every frame. */
export const FRAME_HEADER_BYTES = 4;

/**
 * Default ceiling on one frame's Envelope bytes. The largest legitimate frame is a Submit with
 * a long prompt (a 128k-token prompt is ~0.5 MB of text); anything far beyond that is a
 * corrupt length prefix, and refusing it keeps a bad peer from making us allocate gigabytes.
 */
export const DEFAULT_MAX_FRAME_BYTES = 8 * 1024 * 1024;

/** Hard ceiling for a configured limit: the length prefix is a uint32. */
export const MAX_FRAME_BYTES_LIMIT = 0xffff_ffff;
