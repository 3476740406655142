/**
 * Version of the worker IPC contract (worker.proto), sent in Hello. Bump it for any change an
 * older peer could misread; adding an optional field a peer may ignore does not need a bump.
 */
export const PROTOCOL_VERSION = 1;
