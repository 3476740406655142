import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace llorch. */
export namespace llorch {

    /** Namespace worker. */
    namespace worker {

        /** Namespace v1. */
        namespace v1 {

            /**
             * Properties of an Envelope.
             * @deprecated Use llorch.worker.v1.Envelope.$Properties instead.
             */
            interface IEnvelope extends llorch.worker.v1.Envelope.$Properties {
            }

            /** One frame's payload: exactly one message, named by the oneof. */
            class Envelope {

                /**
                 * Constructs a new Envelope.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.Envelope.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** worker -> orchestrator, once, when the model is loaded and the worker takes jobs. */
                hello?: (llorch.worker.v1.Hello.$Properties|null);

                /** orchestrator -> worker: start a job. */
                submit?: (llorch.worker.v1.Submit.$Properties|null);

                /** orchestrator -> worker: stop a job; the worker answers with JobDone(CANCELLED). */
                cancel?: (llorch.worker.v1.Cancel.$Properties|null);

                /** worker -> orchestrator: new tokens/text of one or more jobs, one frame per engine step. */
                tokenDelta?: (llorch.worker.v1.TokenDelta.$Properties|null);

                /** worker -> orchestrator: a job finished normally (stop, length or cancelled). */
                jobDone?: (llorch.worker.v1.JobDone.$Properties|null);

                /** worker -> orchestrator: a job could not run or failed while running. */
                jobFailed?: (llorch.worker.v1.JobFailed.$Properties|null);

                /** worker -> orchestrator: load and capacity, about once a second. */
                stats?: (llorch.worker.v1.Stats.$Properties|null);

                /** worker -> orchestrator: engine progress, at most every 100 ms while the engine steps. */
                heartbeat?: (llorch.worker.v1.Heartbeat.$Properties|null);

                /** orchestrator -> worker: finish running jobs, refuse new ones. */
                drain?: (llorch.worker.v1.Drain.$Properties|null);

                /** orchestrator -> worker: cancel what is left and exit with status 0. */
                shutdown?: (llorch.worker.v1.Shutdown.$Properties|null);

                /** either way: liveness probe of the IPC path itself; answered with Pong. */
                ping?: (llorch.worker.v1.Ping.$Properties|null);

                /** either way: the answer to a Ping. */
                pong?: (llorch.worker.v1.Pong.$Properties|null);

                /** worker -> orchestrator: sent once after Drain when no job is left. */
                drained?: (llorch.worker.v1.Drained.$Properties|null);

                /** either way: a received frame was rejected (undecodable, unknown job, wrong direction). */
                frameRejected?: (llorch.worker.v1.FrameRejected.$Properties|null);

                /**
                 * The message this frame carries. A frame with none set (or one this peer does not know)
                 * is a protocol error.
                 */
                payload?: ("hello"|"submit"|"cancel"|"tokenDelta"|"jobDone"|"jobFailed"|"stats"|"heartbeat"|"drain"|"shutdown"|"ping"|"pong"|"drained"|"frameRejected");

                /**
                 * Creates a new Envelope instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Envelope instance
                 */
                static create(properties: llorch.worker.v1.Envelope.$Shape): llorch.worker.v1.Envelope & llorch.worker.v1.Envelope.$Shape;
                static create(properties?: llorch.worker.v1.Envelope.$Properties): llorch.worker.v1.Envelope;

                /**
                 * Encodes the specified Envelope message. Does not implicitly {@link llorch.worker.v1.Envelope.verify|verify} messages.
                 * @param message Envelope message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.Envelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an Envelope message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Envelope & llorch.worker.v1.Envelope.$Shape} Envelope
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.Envelope & llorch.worker.v1.Envelope.$Shape;

                /**
                 * Verifies an Envelope message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates an Envelope message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns Envelope
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.Envelope;

                /**
                 * Creates a plain object from an Envelope message. Also converts values to other types if specified.
                 * @param message Envelope
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.Envelope, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Envelope to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace Envelope {

                /** Properties of an Envelope. */
                interface $Properties {

                    /** worker -> orchestrator, once, when the model is loaded and the worker takes jobs. */
                    hello?: (llorch.worker.v1.Hello.$Properties|null);

                    /** orchestrator -> worker: start a job. */
                    submit?: (llorch.worker.v1.Submit.$Properties|null);

                    /** orchestrator -> worker: stop a job; the worker answers with JobDone(CANCELLED). */
                    cancel?: (llorch.worker.v1.Cancel.$Properties|null);

                    /** worker -> orchestrator: new tokens/text of one or more jobs, one frame per engine step. */
                    tokenDelta?: (llorch.worker.v1.TokenDelta.$Properties|null);

                    /** worker -> orchestrator: a job finished normally (stop, length or cancelled). */
                    jobDone?: (llorch.worker.v1.JobDone.$Properties|null);

                    /** worker -> orchestrator: a job could not run or failed while running. */
                    jobFailed?: (llorch.worker.v1.JobFailed.$Properties|null);

                    /** worker -> orchestrator: load and capacity, about once a second. */
                    stats?: (llorch.worker.v1.Stats.$Properties|null);

                    /** worker -> orchestrator: engine progress, at most every 100 ms while the engine steps. */
                    heartbeat?: (llorch.worker.v1.Heartbeat.$Properties|null);

                    /** orchestrator -> worker: finish running jobs, refuse new ones. */
                    drain?: (llorch.worker.v1.Drain.$Properties|null);

                    /** orchestrator -> worker: cancel what is left and exit with status 0. */
                    shutdown?: (llorch.worker.v1.Shutdown.$Properties|null);

                    /** either way: liveness probe of the IPC path itself; answered with Pong. */
                    ping?: (llorch.worker.v1.Ping.$Properties|null);

                    /** either way: the answer to a Ping. */
                    pong?: (llorch.worker.v1.Pong.$Properties|null);

                    /** worker -> orchestrator: sent once after Drain when no job is left. */
                    drained?: (llorch.worker.v1.Drained.$Properties|null);

                    /** either way: a received frame was rejected (undecodable, unknown job, wrong direction). */
                    frameRejected?: (llorch.worker.v1.FrameRejected.$Properties|null);

                    /**
                     * The message this frame carries. A frame with none set (or one this peer does not know)
                     * is a protocol error.
                     */
                    payload?: ("hello"|"submit"|"cancel"|"tokenDelta"|"jobDone"|"jobFailed"|"stats"|"heartbeat"|"drain"|"shutdown"|"ping"|"pong"|"drained"|"frameRejected");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of an Envelope. */
                type $Shape = {
                  hello?: llorch.worker.v1.Hello.$Shape|null;
                  submit?: llorch.worker.v1.Submit.$Shape|null;
                  cancel?: llorch.worker.v1.Cancel.$Shape|null;
                  tokenDelta?: llorch.worker.v1.TokenDelta.$Shape|null;
                  jobDone?: llorch.worker.v1.JobDone.$Shape|null;
                  jobFailed?: llorch.worker.v1.JobFailed.$Shape|null;
                  stats?: llorch.worker.v1.Stats.$Shape|null;
                  heartbeat?: llorch.worker.v1.Heartbeat.$Shape|null;
                  drain?: llorch.worker.v1.Drain.$Shape|null;
                  shutdown?: llorch.worker.v1.Shutdown.$Shape|null;
                  ping?: llorch.worker.v1.Ping.$Shape|null;
                  pong?: llorch.worker.v1.Pong.$Shape|null;
                  drained?: llorch.worker.v1.Drained.$Shape|null;
                  frameRejected?: llorch.worker.v1.FrameRejected.$Shape|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ payload?: undefined; hello?: null; submit?: null; cancel?: null; tokenDelta?: null; jobDone?: null; jobFailed?: null; stats?: null; heartbeat?: null; drain?: null; shutdown?: null; ping?: null; pong?: null; drained?: null; frameRejected?: null }|{ payload?: "hello"; hello: llorch.worker.v1.Hello.$Shape; submit?: null; cancel?: null; tokenDelta?: null; jobDone?: null; jobFailed?: null; stats?: null; heartbeat?: null; drain?: null; shutdown?: null; ping?: null; pong?: null; drained?: null; frameRejected?: null }|{ payload?: "submit"; hello?: null; submit: llorch.worker.v1.Submit.$Shape; cancel?: null; tokenDelta?: null; jobDone?: null; jobFailed?: null; stats?: null; heartbeat?: null; drain?: null; shutdown?: null; ping?: null; pong?: null; drained?: null; frameRejected?: null }|{ payload?: "cancel"; hello?: null; submit?: null; cancel: llorch.worker.v1.Cancel.$Shape; tokenDelta?: null; jobDone?: null; jobFailed?: null; stats?: null; heartbeat?: null; drain?: null; shutdown?: null; ping?: null; pong?: null; drained?: null; frameRejected?: null }|{ payload?: "tokenDelta"; hello?: null; submit?: null; cancel?: null; tokenDelta: llorch.worker.v1.TokenDelta.$Shape; jobDone?: null; jobFailed?: null; stats?: null; heartbeat?: null; drain?: null; shutdown?: null; ping?: null; pong?: null; drained?: null; frameRejected?: null }|{ payload?: "jobDone"; hello?: null; submit?: null; cancel?: null; tokenDelta?: null; jobDone: llorch.worker.v1.JobDone.$Shape; jobFailed?: null; stats?: null; heartbeat?: null; drain?: null; shutdown?: null; ping?: null; pong?: null; drained?: null; frameRejected?: null }|{ payload?: "jobFailed"; hello?: null; submit?: null; cancel?: null; tokenDelta?: null; jobDone?: null; jobFailed: llorch.worker.v1.JobFailed.$Shape; stats?: null; heartbeat?: null; drain?: null; shutdown?: null; ping?: null; pong?: null; drained?: null; frameRejected?: null }|{ payload?: "stats"; hello?: null; submit?: null; cancel?: null; tokenDelta?: null; jobDone?: null; jobFailed?: null; stats: llorch.worker.v1.Stats.$Shape; heartbeat?: null; drain?: null; shutdown?: null; ping?: null; pong?: null; drained?: null; frameRejected?: null }|{ payload?: "heartbeat"; hello?: null; submit?: null; cancel?: null; tokenDelta?: null; jobDone?: null; jobFailed?: null; stats?: null; heartbeat: llorch.worker.v1.Heartbeat.$Shape; drain?: null; shutdown?: null; ping?: null; pong?: null; drained?: null; frameRejected?: null }|{ payload?: "drain"; hello?: null; submit?: null; cancel?: null; tokenDelta?: null; jobDone?: null; jobFailed?: null; stats?: null; heartbeat?: null; drain: llorch.worker.v1.Drain.$Shape; shutdown?: null; ping?: null; pong?: null; drained?: null; frameRejected?: null }|{ payload?: "shutdown"; hello?: null; submit?: null; cancel?: null; tokenDelta?: null; jobDone?: null; jobFailed?: null; stats?: null; heartbeat?: null; drain?: null; shutdown: llorch.worker.v1.Shutdown.$Shape; ping?: null; pong?: null; drained?: null; frameRejected?: null }|{ payload?: "ping"; hello?: null; submit?: null; cancel?: null; tokenDelta?: null; jobDone?: null; jobFailed?: null; stats?: null; heartbeat?: null; drain?: null; shutdown?: null; ping: llorch.worker.v1.Ping.$Shape; pong?: null; drained?: null; frameRejected?: null }|{ payload?: "pong"; hello?: null; submit?: null; cancel?: null; tokenDelta?: null; jobDone?: null; jobFailed?: null; stats?: null; heartbeat?: null; drain?: null; shutdown?: null; ping?: null; pong: llorch.worker.v1.Pong.$Shape; drained?: null; frameRejected?: null }|{ payload?: "drained"; hello?: null; submit?: null; cancel?: null; tokenDelta?: null; jobDone?: null; jobFailed?: null; stats?: null; heartbeat?: null; drain?: null; shutdown?: null; ping?: null; pong?: null; drained: llorch.worker.v1.Drained.$Shape; frameRejected?: null }|{ payload?: "frameRejected"; hello?: null; submit?: null; cancel?: null; tokenDelta?: null; jobDone?: null; jobFailed?: null; stats?: null; heartbeat?: null; drain?: null; shutdown?: null; ping?: null; pong?: null; drained?: null; frameRejected: llorch.worker.v1.FrameRejected.$Shape })
                );
            }

            /**
             * Properties of an EngineLimits.
             * @deprecated Use llorch.worker.v1.EngineLimits.$Properties instead.
             */
            interface IEngineLimits extends llorch.worker.v1.EngineLimits.$Properties {
            }

            /** Engine limits a worker runs with; the orchestrator routes jobs within them. */
            class EngineLimits {

                /**
                 * Constructs a new EngineLimits.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.EngineLimits.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Maximum tokens (prompt + generated) of one job. */
                contextLength: number;

                /** Maximum jobs the engine runs concurrently; more wait in the engine's queue. */
                maxRunningJobs: number;

                /** Tokens per KV-cache block. */
                kvBlockSize: number;

                /** KV-cache blocks in the pool shared by all jobs. */
                kvBlocksTotal: number;

                /** Largest frame (bytes after the length prefix) this worker accepts. */
                maxFrameBytes: number;

                /**
                 * Creates a new EngineLimits instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns EngineLimits instance
                 */
                static create(properties: llorch.worker.v1.EngineLimits.$Shape): llorch.worker.v1.EngineLimits & llorch.worker.v1.EngineLimits.$Shape;
                static create(properties?: llorch.worker.v1.EngineLimits.$Properties): llorch.worker.v1.EngineLimits;

                /**
                 * Encodes the specified EngineLimits message. Does not implicitly {@link llorch.worker.v1.EngineLimits.verify|verify} messages.
                 * @param message EngineLimits message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.EngineLimits.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an EngineLimits message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.EngineLimits & llorch.worker.v1.EngineLimits.$Shape} EngineLimits
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.EngineLimits & llorch.worker.v1.EngineLimits.$Shape;

                /**
                 * Verifies an EngineLimits message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates an EngineLimits message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns EngineLimits
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.EngineLimits;

                /**
                 * Creates a plain object from an EngineLimits message. Also converts values to other types if specified.
                 * @param message EngineLimits
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.EngineLimits, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this EngineLimits to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace EngineLimits {

                /** Properties of an EngineLimits. */
                interface $Properties {

                    /** Maximum tokens (prompt + generated) of one job. */
                    contextLength?: (number|null);

                    /** Maximum jobs the engine runs concurrently; more wait in the engine's queue. */
                    maxRunningJobs?: (number|null);

                    /** Tokens per KV-cache block. */
                    kvBlockSize?: (number|null);

                    /** KV-cache blocks in the pool shared by all jobs. */
                    kvBlocksTotal?: (number|null);

                    /** Largest frame (bytes after the length prefix) this worker accepts. */
                    maxFrameBytes?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an EngineLimits. */
                type $Shape = llorch.worker.v1.EngineLimits.$Properties;
            }

            /**
             * Properties of a Hello.
             * @deprecated Use llorch.worker.v1.Hello.$Properties instead.
             */
            interface IHello extends llorch.worker.v1.Hello.$Properties {
            }

            /** The worker is ready: the model is loaded and Submit is accepted from now on. */
            class Hello {

                /**
                 * Constructs a new Hello.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.Hello.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /**
                 * PROTOCOL_VERSION of the worker's build; the orchestrator refuses a worker whose version
                 * it does not speak.
                 */
                protocolVersion: number;

                /** The --name the worker was started with (defaults to the GGUF's general.name or file name). */
                modelName: string;

                /** general.architecture of the GGUF (llama, qwen2, ...). */
                architecture: string;

                /** Context length the model was trained for (GGUF <arch>.context_length). */
                modelContextLength: number;

                /** Tokens in the tokenizer's vocabulary. */
                vocabSize: number;

                /** Device the engine runs on: "cpu" or "cuda:N". */
                device: string;

                /** Device memory in use after loading (weights, KV cache, scratch), in bytes. */
                memoryUsedBytes: number;

                /** Device memory still free after loading, in bytes. */
                memoryFreeBytes: number;

                /** Limits of the loaded engine. */
                limits?: (llorch.worker.v1.EngineLimits.$Properties|null);

                /** Operating-system process id of the worker (for logs and signals). */
                pid: number;

                /** Whether the model ships a chat template (without one, chat input is rendered in ChatML). */
                hasChatTemplate: boolean;

                /**
                 * Creates a new Hello instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Hello instance
                 */
                static create(properties: llorch.worker.v1.Hello.$Shape): llorch.worker.v1.Hello & llorch.worker.v1.Hello.$Shape;
                static create(properties?: llorch.worker.v1.Hello.$Properties): llorch.worker.v1.Hello;

                /**
                 * Encodes the specified Hello message. Does not implicitly {@link llorch.worker.v1.Hello.verify|verify} messages.
                 * @param message Hello message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.Hello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Hello message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Hello & llorch.worker.v1.Hello.$Shape} Hello
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.Hello & llorch.worker.v1.Hello.$Shape;

                /**
                 * Verifies a Hello message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates a Hello message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns Hello
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.Hello;

                /**
                 * Creates a plain object from a Hello message. Also converts values to other types if specified.
                 * @param message Hello
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.Hello, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Hello to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace Hello {

                /** Properties of a Hello. */
                interface $Properties {

                    /**
                     * PROTOCOL_VERSION of the worker's build; the orchestrator refuses a worker whose version
                     * it does not speak.
                     */
                    protocolVersion?: (number|null);

                    /** The --name the worker was started with (defaults to the GGUF's general.name or file name). */
                    modelName?: (string|null);

                    /** general.architecture of the GGUF (llama, qwen2, ...). */
                    architecture?: (string|null);

                    /** Context length the model was trained for (GGUF <arch>.context_length). */
                    modelContextLength?: (number|null);

                    /** Tokens in the tokenizer's vocabulary. */
                    vocabSize?: (number|null);

                    /** Device the engine runs on: "cpu" or "cuda:N". */
                    device?: (string|null);

                    /** Device memory in use after loading (weights, KV cache, scratch), in bytes. */
                    memoryUsedBytes?: (number|null);

                    /** Device memory still free after loading, in bytes. */
                    memoryFreeBytes?: (number|null);

                    /** Limits of the loaded engine. */
                    limits?: (llorch.worker.v1.EngineLimits.$Properties|null);

                    /** Operating-system process id of the worker (for logs and signals). */
                    pid?: (number|null);

                    /** Whether the model ships a chat template (without one, chat input is rendered in ChatML). */
                    hasChatTemplate?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Hello. */
                type $Shape = llorch.worker.v1.Hello.$Properties;
            }

            /**
             * Properties of a ChatMessage.
             * @deprecated Use llorch.worker.v1.ChatMessage.$Properties instead.
             */
            interface IChatMessage extends llorch.worker.v1.ChatMessage.$Properties {
            }

            /** One message of a chat conversation. */
            class ChatMessage {

                /**
                 * Constructs a new ChatMessage.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.ChatMessage.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** "system", "user", "assistant" or "tool". */
                role: string;

                /** The message text. */
                content: string;

                /**
                 * Creates a new ChatMessage instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns ChatMessage instance
                 */
                static create(properties: llorch.worker.v1.ChatMessage.$Shape): llorch.worker.v1.ChatMessage & llorch.worker.v1.ChatMessage.$Shape;
                static create(properties?: llorch.worker.v1.ChatMessage.$Properties): llorch.worker.v1.ChatMessage;

                /**
                 * Encodes the specified ChatMessage message. Does not implicitly {@link llorch.worker.v1.ChatMessage.verify|verify} messages.
                 * @param message ChatMessage message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.ChatMessage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ChatMessage message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.ChatMessage & llorch.worker.v1.ChatMessage.$Shape} ChatMessage
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.ChatMessage & llorch.worker.v1.ChatMessage.$Shape;

                /**
                 * Verifies a ChatMessage message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates a ChatMessage message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns ChatMessage
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.ChatMessage;

                /**
                 * Creates a plain object from a ChatMessage message. Also converts values to other types if specified.
                 * @param message ChatMessage
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.ChatMessage, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this ChatMessage to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace ChatMessage {

                /** Properties of a ChatMessage. */
                interface $Properties {

                    /** "system", "user", "assistant" or "tool". */
                    role?: (string|null);

                    /** The message text. */
                    content?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ChatMessage. */
                type $Shape = llorch.worker.v1.ChatMessage.$Properties;
            }

            /**
             * Properties of a ChatMessages.
             * @deprecated Use llorch.worker.v1.ChatMessages.$Properties instead.
             */
            interface IChatMessages extends llorch.worker.v1.ChatMessages.$Properties {
            }

            /** A chat conversation, rendered through the model's chat template. */
            class ChatMessages {

                /**
                 * Constructs a new ChatMessages.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.ChatMessages.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** The conversation, oldest first; at least one message. */
                messages: llorch.worker.v1.ChatMessage.$Properties[];

                /**
                 * Creates a new ChatMessages instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns ChatMessages instance
                 */
                static create(properties: llorch.worker.v1.ChatMessages.$Shape): llorch.worker.v1.ChatMessages & llorch.worker.v1.ChatMessages.$Shape;
                static create(properties?: llorch.worker.v1.ChatMessages.$Properties): llorch.worker.v1.ChatMessages;

                /**
                 * Encodes the specified ChatMessages message. Does not implicitly {@link llorch.worker.v1.ChatMessages.verify|verify} messages.
                 * @param message ChatMessages message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.ChatMessages.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ChatMessages message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.ChatMessages & llorch.worker.v1.ChatMessages.$Shape} ChatMessages
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.ChatMessages & llorch.worker.v1.ChatMessages.$Shape;

                /**
                 * Verifies a ChatMessages message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates a ChatMessages message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns ChatMessages
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.ChatMessages;

                /**
                 * Creates a plain object from a ChatMessages message. Also converts values to other types if specified.
                 * @param message ChatMessages
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.ChatMessages, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this ChatMessages to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace ChatMessages {

                /** Properties of a ChatMessages. */
                interface $Properties {

                    /** The conversation, oldest first; at least one message. */
                    messages?: (llorch.worker.v1.ChatMessage.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ChatMessages. */
                type $Shape = llorch.worker.v1.ChatMessages.$Properties;
            }

            /**
             * Properties of a TokenIds.
             * @deprecated Use llorch.worker.v1.TokenIds.$Properties instead.
             */
            interface ITokenIds extends llorch.worker.v1.TokenIds.$Properties {
            }

            /** A prompt given as token ids, used as they are (no template, no BOS added). */
            class TokenIds {

                /**
                 * Constructs a new TokenIds.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.TokenIds.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Token ids, each below the vocabulary size; at least one. */
                ids: number[];

                /**
                 * Creates a new TokenIds instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns TokenIds instance
                 */
                static create(properties: llorch.worker.v1.TokenIds.$Shape): llorch.worker.v1.TokenIds & llorch.worker.v1.TokenIds.$Shape;
                static create(properties?: llorch.worker.v1.TokenIds.$Properties): llorch.worker.v1.TokenIds;

                /**
                 * Encodes the specified TokenIds message. Does not implicitly {@link llorch.worker.v1.TokenIds.verify|verify} messages.
                 * @param message TokenIds message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.TokenIds.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a TokenIds message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.TokenIds & llorch.worker.v1.TokenIds.$Shape} TokenIds
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.TokenIds & llorch.worker.v1.TokenIds.$Shape;

                /**
                 * Verifies a TokenIds message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates a TokenIds message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns TokenIds
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.TokenIds;

                /**
                 * Creates a plain object from a TokenIds message. Also converts values to other types if specified.
                 * @param message TokenIds
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.TokenIds, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this TokenIds to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace TokenIds {

                /** Properties of a TokenIds. */
                interface $Properties {

                    /** Token ids, each below the vocabulary size; at least one. */
                    ids?: (number[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a TokenIds. */
                type $Shape = llorch.worker.v1.TokenIds.$Properties;
            }

            /**
             * Properties of a LogitBias.
             * @deprecated Use llorch.worker.v1.LogitBias.$Properties instead.
             */
            interface ILogitBias extends llorch.worker.v1.LogitBias.$Properties {
            }

            /** An additive bias on one token's logit. */
            class LogitBias {

                /**
                 * Constructs a new LogitBias.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.LogitBias.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** The token id. */
                token: number;

                /** Added to the token's logit before sampling; -100 or less effectively bans it. */
                bias: number;

                /**
                 * Creates a new LogitBias instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns LogitBias instance
                 */
                static create(properties: llorch.worker.v1.LogitBias.$Shape): llorch.worker.v1.LogitBias & llorch.worker.v1.LogitBias.$Shape;
                static create(properties?: llorch.worker.v1.LogitBias.$Properties): llorch.worker.v1.LogitBias;

                /**
                 * Encodes the specified LogitBias message. Does not implicitly {@link llorch.worker.v1.LogitBias.verify|verify} messages.
                 * @param message LogitBias message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.LogitBias.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a LogitBias message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.LogitBias & llorch.worker.v1.LogitBias.$Shape} LogitBias
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.LogitBias & llorch.worker.v1.LogitBias.$Shape;

                /**
                 * Verifies a LogitBias message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates a LogitBias message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns LogitBias
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.LogitBias;

                /**
                 * Creates a plain object from a LogitBias message. Also converts values to other types if specified.
                 * @param message LogitBias
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.LogitBias, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this LogitBias to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace LogitBias {

                /** Properties of a LogitBias. */
                interface $Properties {

                    /** The token id. */
                    token?: (number|null);

                    /** Added to the token's logit before sampling; -100 or less effectively bans it. */
                    bias?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a LogitBias. */
                type $Shape = llorch.worker.v1.LogitBias.$Properties;
            }

            /**
             * Properties of a SamplingParams.
             * @deprecated Use llorch.worker.v1.SamplingParams.$Properties instead.
             */
            interface ISamplingParams extends llorch.worker.v1.SamplingParams.$Properties {
            }

            /**
             * How tokens are drawn. Every field is optional: an absent field takes the default named in
             * its comment. Out-of-range values fail the job with WORKER_ERR_INVALID_PARAMS.
             */
            class SamplingParams {

                /**
                 * Constructs a new SamplingParams.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.SamplingParams.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Softmax temperature, >= 0; 0 means greedy (argmax). Default 1. */
                temperature?: (number|null);

                /** Keep only the k most likely tokens; 0 = off. Default 0. */
                topK?: (number|null);

                /**
                 * Nucleus sampling: keep the smallest set of tokens whose probability reaches p, in (0, 1].
                 * Default 1 (off).
                 */
                topP?: (number|null);

                /** Drop tokens less likely than min_p times the most likely one, in [0, 1]. Default 0 (off). */
                minP?: (number|null);

                /** Multiplicative penalty on tokens seen in the penalty window, > 0. Default 1 (off). */
                repetitionPenalty?: (number|null);

                /** Subtracted once from the logit of every token seen in the window, in [-2, 2]. Default 0. */
                presencePenalty?: (number|null);

                /**
                 * Subtracted per occurrence from the logit of tokens seen in the window, in [-2, 2].
                 * Default 0.
                 */
                frequencyPenalty?: (number|null);

                /** Tokens the penalties look back over; -1 = the whole sequence. Default 64. */
                penaltyLastN?: (number|null);

                /** Per-token logit biases. */
                logitBias: llorch.worker.v1.LogitBias.$Properties[];

                /**
                 * RNG seed; with the same seed and prompt the same tokens are drawn, including after a
                 * resume. Default: a random seed chosen by the worker.
                 */
                seed?: (number|null);

                /**
                 * Creates a new SamplingParams instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns SamplingParams instance
                 */
                static create(properties: llorch.worker.v1.SamplingParams.$Shape): llorch.worker.v1.SamplingParams & llorch.worker.v1.SamplingParams.$Shape;
                static create(properties?: llorch.worker.v1.SamplingParams.$Properties): llorch.worker.v1.SamplingParams;

                /**
                 * Encodes the specified SamplingParams message. Does not implicitly {@link llorch.worker.v1.SamplingParams.verify|verify} messages.
                 * @param message SamplingParams message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.SamplingParams.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a SamplingParams message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.SamplingParams & llorch.worker.v1.SamplingParams.$Shape} SamplingParams
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.SamplingParams & llorch.worker.v1.SamplingParams.$Shape;

                /**
                 * Verifies a SamplingParams message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates a SamplingParams message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns SamplingParams
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.SamplingParams;

                /**
                 * Creates a plain object from a SamplingParams message. Also converts values to other types if specified.
                 * @param message SamplingParams
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.SamplingParams, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this SamplingParams to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace SamplingParams {

                /** Properties of a SamplingParams. */
                interface $Properties {

                    /** Softmax temperature, >= 0; 0 means greedy (argmax). Default 1. */
                    temperature?: (number|null);

                    /** Keep only the k most likely tokens; 0 = off. Default 0. */
                    topK?: (number|null);

                    /**
                     * Nucleus sampling: keep the smallest set of tokens whose probability reaches p, in (0, 1].
                     * Default 1 (off).
                     */
                    topP?: (number|null);

                    /** Drop tokens less likely than min_p times the most likely one, in [0, 1]. Default 0 (off). */
                    minP?: (number|null);

                    /** Multiplicative penalty on tokens seen in the penalty window, > 0. Default 1 (off). */
                    repetitionPenalty?: (number|null);

                    /** Subtracted once from the logit of every token seen in the window, in [-2, 2]. Default 0. */
                    presencePenalty?: (number|null);

                    /**
                     * Subtracted per occurrence from the logit of tokens seen in the window, in [-2, 2].
                     * Default 0.
                     */
                    frequencyPenalty?: (number|null);

                    /** Tokens the penalties look back over; -1 = the whole sequence. Default 64. */
                    penaltyLastN?: (number|null);

                    /** Per-token logit biases. */
                    logitBias?: (llorch.worker.v1.LogitBias.$Properties[]|null);

                    /**
                     * RNG seed; with the same seed and prompt the same tokens are drawn, including after a
                     * resume. Default: a random seed chosen by the worker.
                     */
                    seed?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a SamplingParams. */
                type $Shape = llorch.worker.v1.SamplingParams.$Properties;
            }

            /**
             * Properties of a StopParams.
             * @deprecated Use llorch.worker.v1.StopParams.$Properties instead.
             */
            interface IStopParams extends llorch.worker.v1.StopParams.$Properties {
            }

            /** When generation stops, besides the model's end-of-sequence tokens. */
            class StopParams {

                /**
                 * Constructs a new StopParams.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.StopParams.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Maximum generated tokens, counting resume_tokens; 0 = until the context is full. */
                maxTokens: number;

                /**
                 * Strings that end generation when they appear in the output; the matched string and
                 * anything after it are not emitted. At most 16, each 1..256 bytes.
                 */
                stop: string[];

                /** Extra token ids that end generation (like EOS, they are not emitted as text). */
                stopTokenIds: number[];

                /** Keep generating past the model's end-of-sequence tokens. */
                ignoreEos: boolean;

                /**
                 * Creates a new StopParams instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns StopParams instance
                 */
                static create(properties: llorch.worker.v1.StopParams.$Shape): llorch.worker.v1.StopParams & llorch.worker.v1.StopParams.$Shape;
                static create(properties?: llorch.worker.v1.StopParams.$Properties): llorch.worker.v1.StopParams;

                /**
                 * Encodes the specified StopParams message. Does not implicitly {@link llorch.worker.v1.StopParams.verify|verify} messages.
                 * @param message StopParams message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.StopParams.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a StopParams message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.StopParams & llorch.worker.v1.StopParams.$Shape} StopParams
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.StopParams & llorch.worker.v1.StopParams.$Shape;

                /**
                 * Verifies a StopParams message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates a StopParams message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns StopParams
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.StopParams;

                /**
                 * Creates a plain object from a StopParams message. Also converts values to other types if specified.
                 * @param message StopParams
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.StopParams, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this StopParams to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace StopParams {

                /** Properties of a StopParams. */
                interface $Properties {

                    /** Maximum generated tokens, counting resume_tokens; 0 = until the context is full. */
                    maxTokens?: (number|null);

                    /**
                     * Strings that end generation when they appear in the output; the matched string and
                     * anything after it are not emitted. At most 16, each 1..256 bytes.
                     */
                    stop?: (string[]|null);

                    /** Extra token ids that end generation (like EOS, they are not emitted as text). */
                    stopTokenIds?: (number[]|null);

                    /** Keep generating past the model's end-of-sequence tokens. */
                    ignoreEos?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a StopParams. */
                type $Shape = llorch.worker.v1.StopParams.$Properties;
            }

            /**
             * Properties of a Submit.
             * @deprecated Use llorch.worker.v1.Submit.$Properties instead.
             */
            interface ISubmit extends llorch.worker.v1.Submit.$Properties {
            }

            /** Start a job on this worker. */
            class Submit {

                /**
                 * Constructs a new Submit.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.Submit.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Orchestrator-assigned job id, unique among this worker's live jobs; 1..128 bytes. */
                jobId: string;

                /** Raw prompt text, tokenized as is (BOS added when the tokenizer adds one). */
                prompt?: (string|null);

                /** Chat messages, rendered through the model's chat template. */
                chat?: (llorch.worker.v1.ChatMessages.$Properties|null);

                /** Prompt token ids, used as they are. */
                tokens?: (llorch.worker.v1.TokenIds.$Properties|null);

                /** For chat input: end the rendered prompt with the assistant turn's opening. Default true. */
                addGenerationPrompt?: (boolean|null);

                /** How tokens are drawn. */
                sampling?: (llorch.worker.v1.SamplingParams.$Properties|null);

                /** When generation stops. */
                stop?: (llorch.worker.v1.StopParams.$Properties|null);

                /**
                 * Return the sampled token's log-probability and this many top alternatives per token
                 * (0..20); 0 = no logprobs.
                 */
                topLogprobs: number;

                /**
                 * Wall-clock deadline in Unix milliseconds; the job fails with WORKER_ERR_DEADLINE_EXCEEDED
                 * once it passes. 0 = no deadline.
                 */
                deadlineUnixMs: number;

                /**
                 * Tokens an earlier attempt of this job already generated and delivered (for a job
                 * continued after a worker crash). Generation continues after them exactly as if it had
                 * never stopped; they are not sent again as deltas but count toward max_tokens and usage.
                 */
                resumeTokens: number[];

                /** The prompt. */
                input?: ("prompt"|"chat"|"tokens");

                /**
                 * Creates a new Submit instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Submit instance
                 */
                static create(properties: llorch.worker.v1.Submit.$Shape): llorch.worker.v1.Submit & llorch.worker.v1.Submit.$Shape;
                static create(properties?: llorch.worker.v1.Submit.$Properties): llorch.worker.v1.Submit;

                /**
                 * Encodes the specified Submit message. Does not implicitly {@link llorch.worker.v1.Submit.verify|verify} messages.
                 * @param message Submit message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.Submit.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Submit message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Submit & llorch.worker.v1.Submit.$Shape} Submit
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.Submit & llorch.worker.v1.Submit.$Shape;

                /**
                 * Verifies a Submit message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates a Submit message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns Submit
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.Submit;

                /**
                 * Creates a plain object from a Submit message. Also converts values to other types if specified.
                 * @param message Submit
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.Submit, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Submit to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace Submit {

                /** Properties of a Submit. */
                interface $Properties {

                    /** Orchestrator-assigned job id, unique among this worker's live jobs; 1..128 bytes. */
                    jobId?: (string|null);

                    /** Raw prompt text, tokenized as is (BOS added when the tokenizer adds one). */
                    prompt?: (string|null);

                    /** Chat messages, rendered through the model's chat template. */
                    chat?: (llorch.worker.v1.ChatMessages.$Properties|null);

                    /** Prompt token ids, used as they are. */
                    tokens?: (llorch.worker.v1.TokenIds.$Properties|null);

                    /** For chat input: end the rendered prompt with the assistant turn's opening. Default true. */
                    addGenerationPrompt?: (boolean|null);

                    /** How tokens are drawn. */
                    sampling?: (llorch.worker.v1.SamplingParams.$Properties|null);

                    /** When generation stops. */
                    stop?: (llorch.worker.v1.StopParams.$Properties|null);

                    /**
                     * Return the sampled token's log-probability and this many top alternatives per token
                     * (0..20); 0 = no logprobs.
                     */
                    topLogprobs?: (number|null);

                    /**
                     * Wall-clock deadline in Unix milliseconds; the job fails with WORKER_ERR_DEADLINE_EXCEEDED
                     * once it passes. 0 = no deadline.
                     */
                    deadlineUnixMs?: (number|null);

                    /**
                     * Tokens an earlier attempt of this job already generated and delivered (for a job
                     * continued after a worker crash). Generation continues after them exactly as if it had
                     * never stopped; they are not sent again as deltas but count toward max_tokens and usage.
                     */
                    resumeTokens?: (number[]|null);

                    /** The prompt. */
                    input?: ("prompt"|"chat"|"tokens");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of a Submit. */
                type $Shape = {
                  jobId?: string|null;
                  prompt?: string|null;
                  chat?: llorch.worker.v1.ChatMessages.$Shape|null;
                  tokens?: llorch.worker.v1.TokenIds.$Shape|null;
                  addGenerationPrompt?: boolean|null;
                  sampling?: llorch.worker.v1.SamplingParams.$Shape|null;
                  stop?: llorch.worker.v1.StopParams.$Shape|null;
                  topLogprobs?: number|null;
                  deadlineUnixMs?: number|null;
                  resumeTokens?: number[]|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ input?: undefined; prompt?: null; chat?: null; tokens?: null }|{ input?: "prompt"; prompt: string; chat?: null; tokens?: null }|{ input?: "chat"; prompt?: null; chat: llorch.worker.v1.ChatMessages.$Shape; tokens?: null }|{ input?: "tokens"; prompt?: null; chat?: null; tokens: llorch.worker.v1.TokenIds.$Shape })
                );
            }

            /**
             * Properties of a Cancel.
             * @deprecated Use llorch.worker.v1.Cancel.$Properties instead.
             */
            interface ICancel extends llorch.worker.v1.Cancel.$Properties {
            }

            /**
             * Stop a job. The worker frees its KV cache within one engine step and answers with
             * JobDone(CANCELLED); an unknown job id is answered with FrameRejected.
             */
            class Cancel {

                /**
                 * Constructs a new Cancel.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.Cancel.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** The job to stop. */
                jobId: string;

                /**
                 * Creates a new Cancel instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Cancel instance
                 */
                static create(properties: llorch.worker.v1.Cancel.$Shape): llorch.worker.v1.Cancel & llorch.worker.v1.Cancel.$Shape;
                static create(properties?: llorch.worker.v1.Cancel.$Properties): llorch.worker.v1.Cancel;

                /**
                 * Encodes the specified Cancel message. Does not implicitly {@link llorch.worker.v1.Cancel.verify|verify} messages.
                 * @param message Cancel message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.Cancel.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Cancel message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Cancel & llorch.worker.v1.Cancel.$Shape} Cancel
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.Cancel & llorch.worker.v1.Cancel.$Shape;

                /**
                 * Verifies a Cancel message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates a Cancel message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns Cancel
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.Cancel;

                /**
                 * Creates a plain object from a Cancel message. Also converts values to other types if specified.
                 * @param message Cancel
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.Cancel, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Cancel to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace Cancel {

                /** Properties of a Cancel. */
                interface $Properties {

                    /** The job to stop. */
                    jobId?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Cancel. */
                type $Shape = llorch.worker.v1.Cancel.$Properties;
            }

            /**
             * Properties of a TopLogprob.
             * @deprecated Use llorch.worker.v1.TopLogprob.$Properties instead.
             */
            interface ITopLogprob extends llorch.worker.v1.TopLogprob.$Properties {
            }

            /** A sampled token's log-probability among the alternatives. */
            class TopLogprob {

                /**
                 * Constructs a new TopLogprob.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.TopLogprob.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** The token id. */
                token: number;

                /** Its natural-log probability. */
                logprob: number;

                /**
                 * Creates a new TopLogprob instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns TopLogprob instance
                 */
                static create(properties: llorch.worker.v1.TopLogprob.$Shape): llorch.worker.v1.TopLogprob & llorch.worker.v1.TopLogprob.$Shape;
                static create(properties?: llorch.worker.v1.TopLogprob.$Properties): llorch.worker.v1.TopLogprob;

                /**
                 * Encodes the specified TopLogprob message. Does not implicitly {@link llorch.worker.v1.TopLogprob.verify|verify} messages.
                 * @param message TopLogprob message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.TopLogprob.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a TopLogprob message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.TopLogprob & llorch.worker.v1.TopLogprob.$Shape} TopLogprob
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.TopLogprob & llorch.worker.v1.TopLogprob.$Shape;

                /**
                 * Verifies a TopLogprob message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates a TopLogprob message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns TopLogprob
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.TopLogprob;

                /**
                 * Creates a plain object from a TopLogprob message. Also converts values to other types if specified.
                 * @param message TopLogprob
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.TopLogprob, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this TopLogprob to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace TopLogprob {

                /** Properties of a TopLogprob. */
                interface $Properties {

                    /** The token id. */
                    token?: (number|null);

                    /** Its natural-log probability. */
                    logprob?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a TopLogprob. */
                type $Shape = llorch.worker.v1.TopLogprob.$Properties;
            }

            /**
             * Properties of a TokenLogprob.
             * @deprecated Use llorch.worker.v1.TokenLogprob.$Properties instead.
             */
            interface ITokenLogprob extends llorch.worker.v1.TokenLogprob.$Properties {
            }

            /** Log-probabilities for one sampled token. */
            class TokenLogprob {

                /**
                 * Constructs a new TokenLogprob.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.TokenLogprob.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** The sampled token id. */
                token: number;

                /** Its natural-log probability. */
                logprob: number;

                /** The most likely tokens at that position, most likely first. */
                top: llorch.worker.v1.TopLogprob.$Properties[];

                /**
                 * Creates a new TokenLogprob instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns TokenLogprob instance
                 */
                static create(properties: llorch.worker.v1.TokenLogprob.$Shape): llorch.worker.v1.TokenLogprob & llorch.worker.v1.TokenLogprob.$Shape;
                static create(properties?: llorch.worker.v1.TokenLogprob.$Properties): llorch.worker.v1.TokenLogprob;

                /**
                 * Encodes the specified TokenLogprob message. Does not implicitly {@link llorch.worker.v1.TokenLogprob.verify|verify} messages.
                 * @param message TokenLogprob message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.TokenLogprob.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a TokenLogprob message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.TokenLogprob & llorch.worker.v1.TokenLogprob.$Shape} TokenLogprob
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.TokenLogprob & llorch.worker.v1.TokenLogprob.$Shape;

                /**
                 * Verifies a TokenLogprob message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates a TokenLogprob message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns TokenLogprob
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.TokenLogprob;

                /**
                 * Creates a plain object from a TokenLogprob message. Also converts values to other types if specified.
                 * @param message TokenLogprob
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.TokenLogprob, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this TokenLogprob to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace TokenLogprob {

                /** Properties of a TokenLogprob. */
                interface $Properties {

                    /** The sampled token id. */
                    token?: (number|null);

                    /** Its natural-log probability. */
                    logprob?: (number|null);

                    /** The most likely tokens at that position, most likely first. */
                    top?: (llorch.worker.v1.TopLogprob.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a TokenLogprob. */
                type $Shape = llorch.worker.v1.TokenLogprob.$Properties;
            }

            /**
             * Properties of a JobDelta.
             * @deprecated Use llorch.worker.v1.JobDelta.$Properties instead.
             */
            interface IJobDelta extends llorch.worker.v1.JobDelta.$Properties {
            }

            /** New output of one job. */
            class JobDelta {

                /**
                 * Constructs a new JobDelta.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.JobDelta.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** The job. */
                jobId: string;

                /** Newly sampled token ids, in order (stop tokens excluded). */
                tokenIds: number[];

                /**
                 * Newly decoded text; may be empty while text is held back (an incomplete UTF-8 character
                 * or a possible stop-string prefix), and may cover tokens of earlier deltas.
                 */
                text: string;

                /** Parallel to token_ids when the job asked for top_logprobs. */
                logprobs: llorch.worker.v1.TokenLogprob.$Properties[];

                /**
                 * Creates a new JobDelta instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns JobDelta instance
                 */
                static create(properties: llorch.worker.v1.JobDelta.$Shape): llorch.worker.v1.JobDelta & llorch.worker.v1.JobDelta.$Shape;
                static create(properties?: llorch.worker.v1.JobDelta.$Properties): llorch.worker.v1.JobDelta;

                /**
                 * Encodes the specified JobDelta message. Does not implicitly {@link llorch.worker.v1.JobDelta.verify|verify} messages.
                 * @param message JobDelta message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.JobDelta.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a JobDelta message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.JobDelta & llorch.worker.v1.JobDelta.$Shape} JobDelta
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.JobDelta & llorch.worker.v1.JobDelta.$Shape;

                /**
                 * Verifies a JobDelta message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates a JobDelta message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns JobDelta
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.JobDelta;

                /**
                 * Creates a plain object from a JobDelta message. Also converts values to other types if specified.
                 * @param message JobDelta
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.JobDelta, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this JobDelta to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace JobDelta {

                /** Properties of a JobDelta. */
                interface $Properties {

                    /** The job. */
                    jobId?: (string|null);

                    /** Newly sampled token ids, in order (stop tokens excluded). */
                    tokenIds?: (number[]|null);

                    /**
                     * Newly decoded text; may be empty while text is held back (an incomplete UTF-8 character
                     * or a possible stop-string prefix), and may cover tokens of earlier deltas.
                     */
                    text?: (string|null);

                    /** Parallel to token_ids when the job asked for top_logprobs. */
                    logprobs?: (llorch.worker.v1.TokenLogprob.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a JobDelta. */
                type $Shape = llorch.worker.v1.JobDelta.$Properties;
            }

            /**
             * Properties of a TokenDelta.
             * @deprecated Use llorch.worker.v1.TokenDelta.$Properties instead.
             */
            interface ITokenDelta extends llorch.worker.v1.TokenDelta.$Properties {
            }

            /**
             * Output of every job that progressed in one engine step, or in consecutive steps the worker
             * merged while the orchestrator was not reading.
             */
            class TokenDelta {

                /**
                 * Constructs a new TokenDelta.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.TokenDelta.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** One entry per job that produced tokens or text. */
                deltas: llorch.worker.v1.JobDelta.$Properties[];

                /** The (last) engine step that produced them. */
                engineStep: number;

                /**
                 * Creates a new TokenDelta instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns TokenDelta instance
                 */
                static create(properties: llorch.worker.v1.TokenDelta.$Shape): llorch.worker.v1.TokenDelta & llorch.worker.v1.TokenDelta.$Shape;
                static create(properties?: llorch.worker.v1.TokenDelta.$Properties): llorch.worker.v1.TokenDelta;

                /**
                 * Encodes the specified TokenDelta message. Does not implicitly {@link llorch.worker.v1.TokenDelta.verify|verify} messages.
                 * @param message TokenDelta message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.TokenDelta.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a TokenDelta message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.TokenDelta & llorch.worker.v1.TokenDelta.$Shape} TokenDelta
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.TokenDelta & llorch.worker.v1.TokenDelta.$Shape;

                /**
                 * Verifies a TokenDelta message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates a TokenDelta message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns TokenDelta
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.TokenDelta;

                /**
                 * Creates a plain object from a TokenDelta message. Also converts values to other types if specified.
                 * @param message TokenDelta
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.TokenDelta, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this TokenDelta to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace TokenDelta {

                /** Properties of a TokenDelta. */
                interface $Properties {

                    /** One entry per job that produced tokens or text. */
                    deltas?: (llorch.worker.v1.JobDelta.$Properties[]|null);

                    /** The (last) engine step that produced them. */
                    engineStep?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a TokenDelta. */
                type $Shape = llorch.worker.v1.TokenDelta.$Properties;
            }

            /** Why a job ended. */
            enum FinishReason {

                /** Never sent. */
                FINISH_REASON_UNSPECIFIED = 0,

                /** An end-of-sequence token, a stop token id or a stop string. */
                FINISH_REASON_STOP = 1,

                /** max_tokens or the context length was reached. */
                FINISH_REASON_LENGTH = 2,

                /** The job was cancelled (Cancel or Shutdown). */
                FINISH_REASON_CANCELLED = 3
            }

            /**
             * Properties of a Usage.
             * @deprecated Use llorch.worker.v1.Usage.$Properties instead.
             */
            interface IUsage extends llorch.worker.v1.Usage.$Properties {
            }

            /** Token counts of a finished job. */
            class Usage {

                /**
                 * Constructs a new Usage.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.Usage.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Tokens of the rendered prompt. */
                promptTokens: number;

                /** Generated tokens, including resume_tokens and excluding a final stop token. */
                completionTokens: number;

                /** How many of completion_tokens came from resume_tokens. */
                resumedTokens: number;

                /**
                 * Creates a new Usage instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Usage instance
                 */
                static create(properties: llorch.worker.v1.Usage.$Shape): llorch.worker.v1.Usage & llorch.worker.v1.Usage.$Shape;
                static create(properties?: llorch.worker.v1.Usage.$Properties): llorch.worker.v1.Usage;

                /**
                 * Encodes the specified Usage message. Does not implicitly {@link llorch.worker.v1.Usage.verify|verify} messages.
                 * @param message Usage message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.Usage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Usage message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Usage & llorch.worker.v1.Usage.$Shape} Usage
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.Usage & llorch.worker.v1.Usage.$Shape;

                /**
                 * Verifies a Usage message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates a Usage message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns Usage
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.Usage;

                /**
                 * Creates a plain object from a Usage message. Also converts values to other types if specified.
                 * @param message Usage
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.Usage, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Usage to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace Usage {

                /** Properties of a Usage. */
                interface $Properties {

                    /** Tokens of the rendered prompt. */
                    promptTokens?: (number|null);

                    /** Generated tokens, including resume_tokens and excluding a final stop token. */
                    completionTokens?: (number|null);

                    /** How many of completion_tokens came from resume_tokens. */
                    resumedTokens?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Usage. */
                type $Shape = llorch.worker.v1.Usage.$Properties;
            }

            /**
             * Properties of a Timings.
             * @deprecated Use llorch.worker.v1.Timings.$Properties instead.
             */
            interface ITimings extends llorch.worker.v1.Timings.$Properties {
            }

            /** Where a job's time went, in milliseconds. */
            class Timings {

                /**
                 * Constructs a new Timings.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.Timings.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** From Submit received to the engine starting the job's prefill. */
                queueMs: number;

                /** Prompt processing. */
                prefillMs: number;

                /** From the first generated token to the last. */
                decodeMs: number;

                /** From Submit received to the first generated token. */
                timeToFirstTokenMs: number;

                /** From Submit received to JobDone. */
                totalMs: number;

                /**
                 * Creates a new Timings instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Timings instance
                 */
                static create(properties: llorch.worker.v1.Timings.$Shape): llorch.worker.v1.Timings & llorch.worker.v1.Timings.$Shape;
                static create(properties?: llorch.worker.v1.Timings.$Properties): llorch.worker.v1.Timings;

                /**
                 * Encodes the specified Timings message. Does not implicitly {@link llorch.worker.v1.Timings.verify|verify} messages.
                 * @param message Timings message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.Timings.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Timings message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Timings & llorch.worker.v1.Timings.$Shape} Timings
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.Timings & llorch.worker.v1.Timings.$Shape;

                /**
                 * Verifies a Timings message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates a Timings message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns Timings
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.Timings;

                /**
                 * Creates a plain object from a Timings message. Also converts values to other types if specified.
                 * @param message Timings
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.Timings, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Timings to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace Timings {

                /** Properties of a Timings. */
                interface $Properties {

                    /** From Submit received to the engine starting the job's prefill. */
                    queueMs?: (number|null);

                    /** Prompt processing. */
                    prefillMs?: (number|null);

                    /** From the first generated token to the last. */
                    decodeMs?: (number|null);

                    /** From Submit received to the first generated token. */
                    timeToFirstTokenMs?: (number|null);

                    /** From Submit received to JobDone. */
                    totalMs?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Timings. */
                type $Shape = llorch.worker.v1.Timings.$Properties;
            }

            /**
             * Properties of a JobDone.
             * @deprecated Use llorch.worker.v1.JobDone.$Properties instead.
             */
            interface IJobDone extends llorch.worker.v1.JobDone.$Properties {
            }

            /** A job ended without error. */
            class JobDone {

                /**
                 * Constructs a new JobDone.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.JobDone.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** The job. */
                jobId: string;

                /** Why it ended. */
                finishReason: llorch.worker.v1.FinishReason;

                /** The stop string that matched, when finish_reason is STOP because of one. */
                stopString: string;

                /** The stop token id that ended the job, when finish_reason is STOP because of one. */
                stopTokenId?: (number|null);

                /** Token counts. */
                usage?: (llorch.worker.v1.Usage.$Properties|null);

                /** Time spent. */
                timings?: (llorch.worker.v1.Timings.$Properties|null);

                /**
                 * Creates a new JobDone instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns JobDone instance
                 */
                static create(properties: llorch.worker.v1.JobDone.$Shape): llorch.worker.v1.JobDone & llorch.worker.v1.JobDone.$Shape;
                static create(properties?: llorch.worker.v1.JobDone.$Properties): llorch.worker.v1.JobDone;

                /**
                 * Encodes the specified JobDone message. Does not implicitly {@link llorch.worker.v1.JobDone.verify|verify} messages.
                 * @param message JobDone message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.JobDone.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a JobDone message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.JobDone & llorch.worker.v1.JobDone.$Shape} JobDone
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.JobDone & llorch.worker.v1.JobDone.$Shape;

                /**
                 * Verifies a JobDone message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates a JobDone message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns JobDone
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.JobDone;

                /**
                 * Creates a plain object from a JobDone message. Also converts values to other types if specified.
                 * @param message JobDone
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.JobDone, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this JobDone to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace JobDone {

                /** Properties of a JobDone. */
                interface $Properties {

                    /** The job. */
                    jobId?: (string|null);

                    /** Why it ended. */
                    finishReason?: (llorch.worker.v1.FinishReason|null);

                    /** The stop string that matched, when finish_reason is STOP because of one. */
                    stopString?: (string|null);

                    /** The stop token id that ended the job, when finish_reason is STOP because of one. */
                    stopTokenId?: (number|null);

                    /** Token counts. */
                    usage?: (llorch.worker.v1.Usage.$Properties|null);

                    /** Time spent. */
                    timings?: (llorch.worker.v1.Timings.$Properties|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a JobDone. */
                type $Shape = llorch.worker.v1.JobDone.$Properties;
            }

            /**
             * Properties of a JobFailed.
             * @deprecated Use llorch.worker.v1.JobFailed.$Properties instead.
             */
            interface IJobFailed extends llorch.worker.v1.JobFailed.$Properties {
            }

            /** A job could not run or failed while running. Its resources are freed. */
            class JobFailed {

                /**
                 * Constructs a new JobFailed.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.JobFailed.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** The job. */
                jobId: string;

                /** Stable error code (WORKER_ERR_*, NATIVE_ERR_*, TOKENIZER_ERR_*). */
                code: string;

                /** What went wrong, naming the field, the limit and the value given where it applies. */
                message: string;

                /**
                 * Creates a new JobFailed instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns JobFailed instance
                 */
                static create(properties: llorch.worker.v1.JobFailed.$Shape): llorch.worker.v1.JobFailed & llorch.worker.v1.JobFailed.$Shape;
                static create(properties?: llorch.worker.v1.JobFailed.$Properties): llorch.worker.v1.JobFailed;

                /**
                 * Encodes the specified JobFailed message. Does not implicitly {@link llorch.worker.v1.JobFailed.verify|verify} messages.
                 * @param message JobFailed message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.JobFailed.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a JobFailed message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.JobFailed & llorch.worker.v1.JobFailed.$Shape} JobFailed
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.JobFailed & llorch.worker.v1.JobFailed.$Shape;

                /**
                 * Verifies a JobFailed message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates a JobFailed message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns JobFailed
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.JobFailed;

                /**
                 * Creates a plain object from a JobFailed message. Also converts values to other types if specified.
                 * @param message JobFailed
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.JobFailed, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this JobFailed to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace JobFailed {

                /** Properties of a JobFailed. */
                interface $Properties {

                    /** The job. */
                    jobId?: (string|null);

                    /** Stable error code (WORKER_ERR_*, NATIVE_ERR_*, TOKENIZER_ERR_*). */
                    code?: (string|null);

                    /** What went wrong, naming the field, the limit and the value given where it applies. */
                    message?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a JobFailed. */
                type $Shape = llorch.worker.v1.JobFailed.$Properties;
            }

            /**
             * Properties of a Stats.
             * @deprecated Use llorch.worker.v1.Stats.$Properties instead.
             */
            interface IStats extends llorch.worker.v1.Stats.$Properties {
            }

            /** Load and capacity of a worker. */
            class Stats {

                /**
                 * Constructs a new Stats.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.Stats.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Jobs the engine is running (prefill or decode). */
                runningJobs: number;

                /** Jobs waiting in the engine's queue. */
                waitingJobs: number;

                /** KV-cache blocks held by jobs. */
                kvBlocksUsed: number;

                /** KV-cache blocks free. */
                kvBlocksFree: number;

                /** Device memory in use, in bytes. */
                memoryUsedBytes: number;

                /** Device memory free, in bytes. */
                memoryFreeBytes: number;

                /** Engine steps since load. */
                engineSteps: number;

                /** Whether the worker is draining (refusing Submit). */
                draining: boolean;

                /** Jobs finished since start (done or failed). */
                jobsFinished: number;

                /**
                 * Times since load that the engine sent a running job back to its queue for want of a KV block
                 * (its tokens are recomputed when it runs again; its output is unaffected).
                 */
                kvPreemptions: number;

                /**
                 * Creates a new Stats instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Stats instance
                 */
                static create(properties: llorch.worker.v1.Stats.$Shape): llorch.worker.v1.Stats & llorch.worker.v1.Stats.$Shape;
                static create(properties?: llorch.worker.v1.Stats.$Properties): llorch.worker.v1.Stats;

                /**
                 * Encodes the specified Stats message. Does not implicitly {@link llorch.worker.v1.Stats.verify|verify} messages.
                 * @param message Stats message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.Stats.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Stats message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Stats & llorch.worker.v1.Stats.$Shape} Stats
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.Stats & llorch.worker.v1.Stats.$Shape;

                /**
                 * Verifies a Stats message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates a Stats message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns Stats
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.Stats;

                /**
                 * Creates a plain object from a Stats message. Also converts values to other types if specified.
                 * @param message Stats
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.Stats, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Stats to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace Stats {

                /** Properties of a Stats. */
                interface $Properties {

                    /** Jobs the engine is running (prefill or decode). */
                    runningJobs?: (number|null);

                    /** Jobs waiting in the engine's queue. */
                    waitingJobs?: (number|null);

                    /** KV-cache blocks held by jobs. */
                    kvBlocksUsed?: (number|null);

                    /** KV-cache blocks free. */
                    kvBlocksFree?: (number|null);

                    /** Device memory in use, in bytes. */
                    memoryUsedBytes?: (number|null);

                    /** Device memory free, in bytes. */
                    memoryFreeBytes?: (number|null);

                    /** Engine steps since load. */
                    engineSteps?: (number|null);

                    /** Whether the worker is draining (refusing Submit). */
                    draining?: (boolean|null);

                    /** Jobs finished since start (done or failed). */
                    jobsFinished?: (number|null);

                    /**
                     * Times since load that the engine sent a running job back to its queue for want of a KV block
                     * (its tokens are recomputed when it runs again; its output is unaffected).
                     */
                    kvPreemptions?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Stats. */
                type $Shape = llorch.worker.v1.Stats.$Properties;
            }

            /**
             * Properties of a Heartbeat.
             * @deprecated Use llorch.worker.v1.Heartbeat.$Properties instead.
             */
            interface IHeartbeat extends llorch.worker.v1.Heartbeat.$Properties {
            }

            /**
             * The engine is making progress. A worker whose engine_steps stops growing while it has
             * jobs is stalled, whatever its socket does.
             */
            class Heartbeat {

                /**
                 * Constructs a new Heartbeat.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.Heartbeat.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Engine steps since load. */
                engineSteps: number;

                /** Jobs the worker holds (running or waiting). */
                activeJobs: number;

                /**
                 * Creates a new Heartbeat instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Heartbeat instance
                 */
                static create(properties: llorch.worker.v1.Heartbeat.$Shape): llorch.worker.v1.Heartbeat & llorch.worker.v1.Heartbeat.$Shape;
                static create(properties?: llorch.worker.v1.Heartbeat.$Properties): llorch.worker.v1.Heartbeat;

                /**
                 * Encodes the specified Heartbeat message. Does not implicitly {@link llorch.worker.v1.Heartbeat.verify|verify} messages.
                 * @param message Heartbeat message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.Heartbeat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Heartbeat message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Heartbeat & llorch.worker.v1.Heartbeat.$Shape} Heartbeat
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.Heartbeat & llorch.worker.v1.Heartbeat.$Shape;

                /**
                 * Verifies a Heartbeat message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates a Heartbeat message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns Heartbeat
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.Heartbeat;

                /**
                 * Creates a plain object from a Heartbeat message. Also converts values to other types if specified.
                 * @param message Heartbeat
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.Heartbeat, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Heartbeat to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace Heartbeat {

                /** Properties of a Heartbeat. */
                interface $Properties {

                    /** Engine steps since load. */
                    engineSteps?: (number|null);

                    /** Jobs the worker holds (running or waiting). */
                    activeJobs?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Heartbeat. */
                type $Shape = llorch.worker.v1.Heartbeat.$Properties;
            }

            /**
             * Properties of a Drain.
             * @deprecated Use llorch.worker.v1.Drain.$Properties instead.
             */
            interface IDrain extends llorch.worker.v1.Drain.$Properties {
            }

            /** Finish running jobs, refuse new Submit with WORKER_ERR_DRAINING. */
            class Drain {

                /**
                 * Constructs a new Drain.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.Drain.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /**
                 * Creates a new Drain instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Drain instance
                 */
                static create(properties: llorch.worker.v1.Drain.$Shape): llorch.worker.v1.Drain & llorch.worker.v1.Drain.$Shape;
                static create(properties?: llorch.worker.v1.Drain.$Properties): llorch.worker.v1.Drain;

                /**
                 * Encodes the specified Drain message. Does not implicitly {@link llorch.worker.v1.Drain.verify|verify} messages.
                 * @param message Drain message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.Drain.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Drain message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Drain & llorch.worker.v1.Drain.$Shape} Drain
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.Drain & llorch.worker.v1.Drain.$Shape;

                /**
                 * Verifies a Drain message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates a Drain message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns Drain
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.Drain;

                /**
                 * Creates a plain object from a Drain message. Also converts values to other types if specified.
                 * @param message Drain
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.Drain, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Drain to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace Drain {

                /** Properties of a Drain. */
                interface $Properties {

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Drain. */
                type $Shape = llorch.worker.v1.Drain.$Properties;
            }

            /**
             * Properties of a Drained.
             * @deprecated Use llorch.worker.v1.Drained.$Properties instead.
             */
            interface IDrained extends llorch.worker.v1.Drained.$Properties {
            }

            /** All jobs have finished after a Drain. */
            class Drained {

                /**
                 * Constructs a new Drained.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.Drained.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /**
                 * Creates a new Drained instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Drained instance
                 */
                static create(properties: llorch.worker.v1.Drained.$Shape): llorch.worker.v1.Drained & llorch.worker.v1.Drained.$Shape;
                static create(properties?: llorch.worker.v1.Drained.$Properties): llorch.worker.v1.Drained;

                /**
                 * Encodes the specified Drained message. Does not implicitly {@link llorch.worker.v1.Drained.verify|verify} messages.
                 * @param message Drained message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.Drained.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Drained message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Drained & llorch.worker.v1.Drained.$Shape} Drained
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.Drained & llorch.worker.v1.Drained.$Shape;

                /**
                 * Verifies a Drained message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates a Drained message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns Drained
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.Drained;

                /**
                 * Creates a plain object from a Drained message. Also converts values to other types if specified.
                 * @param message Drained
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.Drained, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Drained to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace Drained {

                /** Properties of a Drained. */
                interface $Properties {

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Drained. */
                type $Shape = llorch.worker.v1.Drained.$Properties;
            }

            /**
             * Properties of a Shutdown.
             * @deprecated Use llorch.worker.v1.Shutdown.$Properties instead.
             */
            interface IShutdown extends llorch.worker.v1.Shutdown.$Properties {
            }

            /** Cancel every job (JobDone CANCELLED), release the engine and exit with status 0. */
            class Shutdown {

                /**
                 * Constructs a new Shutdown.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.Shutdown.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /**
                 * Creates a new Shutdown instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Shutdown instance
                 */
                static create(properties: llorch.worker.v1.Shutdown.$Shape): llorch.worker.v1.Shutdown & llorch.worker.v1.Shutdown.$Shape;
                static create(properties?: llorch.worker.v1.Shutdown.$Properties): llorch.worker.v1.Shutdown;

                /**
                 * Encodes the specified Shutdown message. Does not implicitly {@link llorch.worker.v1.Shutdown.verify|verify} messages.
                 * @param message Shutdown message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.Shutdown.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Shutdown message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Shutdown & llorch.worker.v1.Shutdown.$Shape} Shutdown
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.Shutdown & llorch.worker.v1.Shutdown.$Shape;

                /**
                 * Verifies a Shutdown message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates a Shutdown message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns Shutdown
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.Shutdown;

                /**
                 * Creates a plain object from a Shutdown message. Also converts values to other types if specified.
                 * @param message Shutdown
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.Shutdown, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Shutdown to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace Shutdown {

                /** Properties of a Shutdown. */
                interface $Properties {

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Shutdown. */
                type $Shape = llorch.worker.v1.Shutdown.$Properties;
            }

            /**
             * Properties of a Ping.
             * @deprecated Use llorch.worker.v1.Ping.$Properties instead.
             */
            interface IPing extends llorch.worker.v1.Ping.$Properties {
            }

            /** Liveness probe of the IPC path. */
            class Ping {

                /**
                 * Constructs a new Ping.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.Ping.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Echoed in the Pong. */
                nonce: number;

                /**
                 * Creates a new Ping instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Ping instance
                 */
                static create(properties: llorch.worker.v1.Ping.$Shape): llorch.worker.v1.Ping & llorch.worker.v1.Ping.$Shape;
                static create(properties?: llorch.worker.v1.Ping.$Properties): llorch.worker.v1.Ping;

                /**
                 * Encodes the specified Ping message. Does not implicitly {@link llorch.worker.v1.Ping.verify|verify} messages.
                 * @param message Ping message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.Ping.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Ping message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Ping & llorch.worker.v1.Ping.$Shape} Ping
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.Ping & llorch.worker.v1.Ping.$Shape;

                /**
                 * Verifies a Ping message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates a Ping message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns Ping
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.Ping;

                /**
                 * Creates a plain object from a Ping message. Also converts values to other types if specified.
                 * @param message Ping
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.Ping, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Ping to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace Ping {

                /** Properties of a Ping. */
                interface $Properties {

                    /** Echoed in the Pong. */
                    nonce?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Ping. */
                type $Shape = llorch.worker.v1.Ping.$Properties;
            }

            /**
             * Properties of a Pong.
             * @deprecated Use llorch.worker.v1.Pong.$Properties instead.
             */
            interface IPong extends llorch.worker.v1.Pong.$Properties {
            }

            /** Answer to a Ping. */
            class Pong {

                /**
                 * Constructs a new Pong.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.Pong.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** The Ping's nonce. */
                nonce: number;

                /**
                 * Creates a new Pong instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Pong instance
                 */
                static create(properties: llorch.worker.v1.Pong.$Shape): llorch.worker.v1.Pong & llorch.worker.v1.Pong.$Shape;
                static create(properties?: llorch.worker.v1.Pong.$Properties): llorch.worker.v1.Pong;

                /**
                 * Encodes the specified Pong message. Does not implicitly {@link llorch.worker.v1.Pong.verify|verify} messages.
                 * @param message Pong message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.Pong.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Pong message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Pong & llorch.worker.v1.Pong.$Shape} Pong
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.Pong & llorch.worker.v1.Pong.$Shape;

                /**
                 * Verifies a Pong message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates a Pong message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns Pong
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.Pong;

                /**
                 * Creates a plain object from a Pong message. Also converts values to other types if specified.
                 * @param message Pong
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.Pong, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Pong to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace Pong {

                /** Properties of a Pong. */
                interface $Properties {

                    /** The Ping's nonce. */
                    nonce?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Pong. */
                type $Shape = llorch.worker.v1.Pong.$Properties;
            }

            /**
             * Properties of a FrameRejected.
             * @deprecated Use llorch.worker.v1.FrameRejected.$Properties instead.
             */
            interface IFrameRejected extends llorch.worker.v1.FrameRejected.$Properties {
            }

            /** A received frame could not be acted on. Nothing else happens because of that frame. */
            class FrameRejected {

                /**
                 * Constructs a new FrameRejected.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: llorch.worker.v1.FrameRejected.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Stable code: PROTOCOL_ERR_* for frames that did not decode, WORKER_ERR_* otherwise. */
                code: string;

                /** What was wrong with it. */
                message: string;

                /** The job id the frame named, if any. */
                jobId: string;

                /**
                 * Creates a new FrameRejected instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns FrameRejected instance
                 */
                static create(properties: llorch.worker.v1.FrameRejected.$Shape): llorch.worker.v1.FrameRejected & llorch.worker.v1.FrameRejected.$Shape;
                static create(properties?: llorch.worker.v1.FrameRejected.$Properties): llorch.worker.v1.FrameRejected;

                /**
                 * Encodes the specified FrameRejected message. Does not implicitly {@link llorch.worker.v1.FrameRejected.verify|verify} messages.
                 * @param message FrameRejected message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: llorch.worker.v1.FrameRejected.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a FrameRejected message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.FrameRejected & llorch.worker.v1.FrameRejected.$Shape} FrameRejected
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): llorch.worker.v1.FrameRejected & llorch.worker.v1.FrameRejected.$Shape;

                /**
                 * Verifies a FrameRejected message.
                 * @param message Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                static verify(message: { [k: string]: any }): (string|null);

                /**
                 * Creates a FrameRejected message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns FrameRejected
                 */
                static fromObject(object: { [k: string]: any }): llorch.worker.v1.FrameRejected;

                /**
                 * Creates a plain object from a FrameRejected message. Also converts values to other types if specified.
                 * @param message FrameRejected
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: llorch.worker.v1.FrameRejected, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this FrameRejected to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace FrameRejected {

                /** Properties of a FrameRejected. */
                interface $Properties {

                    /** Stable code: PROTOCOL_ERR_* for frames that did not decode, WORKER_ERR_* otherwise. */
                    code?: (string|null);

                    /** What was wrong with it. */
                    message?: (string|null);

                    /** The job id the frame named, if any. */
                    jobId?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a FrameRejected. */
                type $Shape = llorch.worker.v1.FrameRejected.$Properties;
            }
        }
    }
}
