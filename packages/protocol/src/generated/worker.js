/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
// Wrapper for `pbjs -t static-module` (see the package's generate script): pbjs's own ESM
// wrapper plus one change. 64-bit fields here (byte counts, step counters, Unix ms, seeds)
// stay below 2^53, so they decode as plain numbers rather than Long objects. protobufjs picks
// numbers when util.Long is unset; that has to happen before the generated code below sets
// its field defaults, which is why it lives in the wrapper and not in a separate module.
import $protobuf from "protobufjs/minimal.js";

$protobuf.util.Long = undefined;
$protobuf.configure();

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $String = $util.global.String, $parseInt = $util.global.parseInt, $Boolean = $util.global.Boolean, $BigInt = $util.global.BigInt, $Array = $util.global.Array, $isFinite = $util.global.isFinite;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const llorch = $root.llorch = (() => {

    /**
     * Namespace llorch.
     * @exports llorch
     * @namespace
     */
    const llorch = {};

    llorch.worker = (function() {

        /**
         * Namespace worker.
         * @memberof llorch
         * @namespace
         */
        const worker = {};

        worker.v1 = (function() {

            /**
             * Namespace v1.
             * @memberof llorch.worker
             * @namespace
             */
            const v1 = {};

            v1.Envelope = (function() {

                /**
                 * Properties of an Envelope.
                 * @typedef {Object} llorch.worker.v1.Envelope.$Properties
                 * @property {llorch.worker.v1.Hello.$Properties|null} [hello] worker -> orchestrator, once, when the model is loaded and the worker takes jobs.
                 * @property {llorch.worker.v1.Submit.$Properties|null} [submit] orchestrator -> worker: start a job.
                 * @property {llorch.worker.v1.Cancel.$Properties|null} [cancel] orchestrator -> worker: stop a job; the worker answers with JobDone(CANCELLED).
                 * @property {llorch.worker.v1.TokenDelta.$Properties|null} [tokenDelta] worker -> orchestrator: new tokens/text of one or more jobs, one frame per engine step.
                 * @property {llorch.worker.v1.JobDone.$Properties|null} [jobDone] worker -> orchestrator: a job finished normally (stop, length or cancelled).
                 * @property {llorch.worker.v1.JobFailed.$Properties|null} [jobFailed] worker -> orchestrator: a job could not run or failed while running.
                 * @property {llorch.worker.v1.Stats.$Properties|null} [stats] worker -> orchestrator: load and capacity, about once a second.
                 * @property {llorch.worker.v1.Heartbeat.$Properties|null} [heartbeat] worker -> orchestrator: engine progress, at most every 100 ms while the engine steps.
                 * @property {llorch.worker.v1.Drain.$Properties|null} [drain] orchestrator -> worker: finish running jobs, refuse new ones.
                 * @property {llorch.worker.v1.Shutdown.$Properties|null} [shutdown] orchestrator -> worker: cancel what is left and exit with status 0.
                 * @property {llorch.worker.v1.Ping.$Properties|null} [ping] either way: liveness probe of the IPC path itself; answered with Pong.
                 * @property {llorch.worker.v1.Pong.$Properties|null} [pong] either way: the answer to a Ping.
                 * @property {llorch.worker.v1.Drained.$Properties|null} [drained] worker -> orchestrator: sent once after Drain when no job is left.
                 * @property {llorch.worker.v1.FrameRejected.$Properties|null} [frameRejected] either way: a received frame was rejected (undecodable, unknown job, wrong direction).
                 * @property {"hello"|"submit"|"cancel"|"tokenDelta"|"jobDone"|"jobFailed"|"stats"|"heartbeat"|"drain"|"shutdown"|"ping"|"pong"|"drained"|"frameRejected"} [payload] The message this frame carries. A frame with none set (or one this peer does not know)
                 * is a protocol error.
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of an Envelope.
                 * @memberof llorch.worker.v1
                 * @interface IEnvelope
                 * @augments llorch.worker.v1.Envelope.$Properties
                 * @deprecated Use llorch.worker.v1.Envelope.$Properties instead.
                 */

                /**
                 * Narrowed shape of an Envelope.
                 * @typedef {{
                 *   hello?: llorch.worker.v1.Hello.$Shape|null;
                 *   submit?: llorch.worker.v1.Submit.$Shape|null;
                 *   cancel?: llorch.worker.v1.Cancel.$Shape|null;
                 *   tokenDelta?: llorch.worker.v1.TokenDelta.$Shape|null;
                 *   jobDone?: llorch.worker.v1.JobDone.$Shape|null;
                 *   jobFailed?: llorch.worker.v1.JobFailed.$Shape|null;
                 *   stats?: llorch.worker.v1.Stats.$Shape|null;
                 *   heartbeat?: llorch.worker.v1.Heartbeat.$Shape|null;
                 *   drain?: llorch.worker.v1.Drain.$Shape|null;
                 *   shutdown?: llorch.worker.v1.Shutdown.$Shape|null;
                 *   ping?: llorch.worker.v1.Ping.$Shape|null;
                 *   pong?: llorch.worker.v1.Pong.$Shape|null;
                 *   drained?: llorch.worker.v1.Drained.$Shape|null;
                 *   frameRejected?: llorch.worker.v1.FrameRejected.$Shape|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * } & (
                 *   ({ payload?: undefined; hello?: null; submit?: null; cancel?: null; tokenDelta?: null; jobDone?: null; jobFailed?: null; stats?: null; heartbeat?: null; drain?: null; shutdown?: null; ping?: null; pong?: null; drained?: null; frameRejected?: null }|{ payload?: "hello"; hello: llorch.worker.v1.Hello.$Shape; submit?: null; cancel?: null; tokenDelta?: null; jobDone?: null; jobFailed?: null; stats?: null; heartbeat?: null; drain?: null; shutdown?: null; ping?: null; pong?: null; drained?: null; frameRejected?: null }|{ payload?: "submit"; hello?: null; submit: llorch.worker.v1.Submit.$Shape; cancel?: null; tokenDelta?: null; jobDone?: null; jobFailed?: null; stats?: null; heartbeat?: null; drain?: null; shutdown?: null; ping?: null; pong?: null; drained?: null; frameRejected?: null }|{ payload?: "cancel"; hello?: null; submit?: null; cancel: llorch.worker.v1.Cancel.$Shape; tokenDelta?: null; jobDone?: null; jobFailed?: null; stats?: null; heartbeat?: null; drain?: null; shutdown?: null; ping?: null; pong?: null; drained?: null; frameRejected?: null }|{ payload?: "tokenDelta"; hello?: null; submit?: null; cancel?: null; tokenDelta: llorch.worker.v1.TokenDelta.$Shape; jobDone?: null; jobFailed?: null; stats?: null; heartbeat?: null; drain?: null; shutdown?: null; ping?: null; pong?: null; drained?: null; frameRejected?: null }|{ payload?: "jobDone"; hello?: null; submit?: null; cancel?: null; tokenDelta?: null; jobDone: llorch.worker.v1.JobDone.$Shape; jobFailed?: null; stats?: null; heartbeat?: null; drain?: null; shutdown?: null; ping?: null; pong?: null; drained?: null; frameRejected?: null }|{ payload?: "jobFailed"; hello?: null; submit?: null; cancel?: null; tokenDelta?: null; jobDone?: null; jobFailed: llorch.worker.v1.JobFailed.$Shape; stats?: null; heartbeat?: null; drain?: null; shutdown?: null; ping?: null; pong?: null; drained?: null; frameRejected?: null }|{ payload?: "stats"; hello?: null; submit?: null; cancel?: null; tokenDelta?: null; jobDone?: null; jobFailed?: null; stats: llorch.worker.v1.Stats.$Shape; heartbeat?: null; drain?: null; shutdown?: null; ping?: null; pong?: null; drained?: null; frameRejected?: null }|{ payload?: "heartbeat"; hello?: null; submit?: null; cancel?: null; tokenDelta?: null; jobDone?: null; jobFailed?: null; stats?: null; heartbeat: llorch.worker.v1.Heartbeat.$Shape; drain?: null; shutdown?: null; ping?: null; pong?: null; drained?: null; frameRejected?: null }|{ payload?: "drain"; hello?: null; submit?: null; cancel?: null; tokenDelta?: null; jobDone?: null; jobFailed?: null; stats?: null; heartbeat?: null; drain: llorch.worker.v1.Drain.$Shape; shutdown?: null; ping?: null; pong?: null; drained?: null; frameRejected?: null }|{ payload?: "shutdown"; hello?: null; submit?: null; cancel?: null; tokenDelta?: null; jobDone?: null; jobFailed?: null; stats?: null; heartbeat?: null; drain?: null; shutdown: llorch.worker.v1.Shutdown.$Shape; ping?: null; pong?: null; drained?: null; frameRejected?: null }|{ payload?: "ping"; hello?: null; submit?: null; cancel?: null; tokenDelta?: null; jobDone?: null; jobFailed?: null; stats?: null; heartbeat?: null; drain?: null; shutdown?: null; ping: llorch.worker.v1.Ping.$Shape; pong?: null; drained?: null; frameRejected?: null }|{ payload?: "pong"; hello?: null; submit?: null; cancel?: null; tokenDelta?: null; jobDone?: null; jobFailed?: null; stats?: null; heartbeat?: null; drain?: null; shutdown?: null; ping?: null; pong: llorch.worker.v1.Pong.$Shape; drained?: null; frameRejected?: null }|{ payload?: "drained"; hello?: null; submit?: null; cancel?: null; tokenDelta?: null; jobDone?: null; jobFailed?: null; stats?: null; heartbeat?: null; drain?: null; shutdown?: null; ping?: null; pong?: null; drained: llorch.worker.v1.Drained.$Shape; frameRejected?: null }|{ payload?: "frameRejected"; hello?: null; submit?: null; cancel?: null; tokenDelta?: null; jobDone?: null; jobFailed?: null; stats?: null; heartbeat?: null; drain?: null; shutdown?: null; ping?: null; pong?: null; drained?: null; frameRejected: llorch.worker.v1.FrameRejected.$Shape })
                 * )} llorch.worker.v1.Envelope.$Shape
                 */

                /**
                 * Constructs a new Envelope.
                 * @memberof llorch.worker.v1
                 * @classdesc One frame's payload: exactly one message, named by the oneof.
                 * @constructor
                 * @param {llorch.worker.v1.Envelope.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Envelope = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * worker -> orchestrator, once, when the model is loaded and the worker takes jobs.
                 * @member {llorch.worker.v1.Hello.$Properties|null|undefined} hello
                 * @memberof llorch.worker.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.hello = null;

                /**
                 * orchestrator -> worker: start a job.
                 * @member {llorch.worker.v1.Submit.$Properties|null|undefined} submit
                 * @memberof llorch.worker.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.submit = null;

                /**
                 * orchestrator -> worker: stop a job; the worker answers with JobDone(CANCELLED).
                 * @member {llorch.worker.v1.Cancel.$Properties|null|undefined} cancel
                 * @memberof llorch.worker.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.cancel = null;

                /**
                 * worker -> orchestrator: new tokens/text of one or more jobs, one frame per engine step.
                 * @member {llorch.worker.v1.TokenDelta.$Properties|null|undefined} tokenDelta
                 * @memberof llorch.worker.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.tokenDelta = null;

                /**
                 * worker -> orchestrator: a job finished normally (stop, length or cancelled).
                 * @member {llorch.worker.v1.JobDone.$Properties|null|undefined} jobDone
                 * @memberof llorch.worker.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.jobDone = null;

                /**
                 * worker -> orchestrator: a job could not run or failed while running.
                 * @member {llorch.worker.v1.JobFailed.$Properties|null|undefined} jobFailed
                 * @memberof llorch.worker.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.jobFailed = null;

                /**
                 * worker -> orchestrator: load and capacity, about once a second.
                 * @member {llorch.worker.v1.Stats.$Properties|null|undefined} stats
                 * @memberof llorch.worker.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.stats = null;

                /**
                 * worker -> orchestrator: engine progress, at most every 100 ms while the engine steps.
                 * @member {llorch.worker.v1.Heartbeat.$Properties|null|undefined} heartbeat
                 * @memberof llorch.worker.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.heartbeat = null;

                /**
                 * orchestrator -> worker: finish running jobs, refuse new ones.
                 * @member {llorch.worker.v1.Drain.$Properties|null|undefined} drain
                 * @memberof llorch.worker.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.drain = null;

                /**
                 * orchestrator -> worker: cancel what is left and exit with status 0.
                 * @member {llorch.worker.v1.Shutdown.$Properties|null|undefined} shutdown
                 * @memberof llorch.worker.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.shutdown = null;

                /**
                 * either way: liveness probe of the IPC path itself; answered with Pong.
                 * @member {llorch.worker.v1.Ping.$Properties|null|undefined} ping
                 * @memberof llorch.worker.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.ping = null;

                /**
                 * either way: the answer to a Ping.
                 * @member {llorch.worker.v1.Pong.$Properties|null|undefined} pong
                 * @memberof llorch.worker.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.pong = null;

                /**
                 * worker -> orchestrator: sent once after Drain when no job is left.
                 * @member {llorch.worker.v1.Drained.$Properties|null|undefined} drained
                 * @memberof llorch.worker.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.drained = null;

                /**
                 * either way: a received frame was rejected (undecodable, unknown job, wrong direction).
                 * @member {llorch.worker.v1.FrameRejected.$Properties|null|undefined} frameRejected
                 * @memberof llorch.worker.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.frameRejected = null;

                // OneOf field names bound to virtual getters and setters
                let $oneOfFields;

                /**
                 * The message this frame carries. A frame with none set (or one this peer does not know)
                 * is a protocol error.
                 * @member {"hello"|"submit"|"cancel"|"tokenDelta"|"jobDone"|"jobFailed"|"stats"|"heartbeat"|"drain"|"shutdown"|"ping"|"pong"|"drained"|"frameRejected"|undefined} payload
                 * @memberof llorch.worker.v1.Envelope
                 * @instance
                 */
                $Object.defineProperty(Envelope.prototype, "payload", {
                    get: $util.oneOfGetter($oneOfFields = ["hello", "submit", "cancel", "tokenDelta", "jobDone", "jobFailed", "stats", "heartbeat", "drain", "shutdown", "ping", "pong", "drained", "frameRejected"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                /**
                 * Creates a new Envelope instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.Envelope
                 * @static
                 * @param {llorch.worker.v1.Envelope.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.Envelope} Envelope instance
                 * @type {{
                 *   (properties: llorch.worker.v1.Envelope.$Shape): llorch.worker.v1.Envelope & llorch.worker.v1.Envelope.$Shape;
                 *   (properties?: llorch.worker.v1.Envelope.$Properties): llorch.worker.v1.Envelope;
                 * }}
                 */
                Envelope.create = function(properties) {
                    return new Envelope(properties);
                };

                /**
                 * Encodes the specified Envelope message. Does not implicitly {@link llorch.worker.v1.Envelope.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.Envelope
                 * @static
                 * @param {llorch.worker.v1.Envelope.$Properties} message Envelope message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Envelope.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.hello != null && $Object.hasOwnProperty.call(message, "hello"))
                        $root.llorch.worker.v1.Hello.encode(message.hello, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                    if (message.submit != null && $Object.hasOwnProperty.call(message, "submit"))
                        $root.llorch.worker.v1.Submit.encode(message.submit, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                    if (message.cancel != null && $Object.hasOwnProperty.call(message, "cancel"))
                        $root.llorch.worker.v1.Cancel.encode(message.cancel, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                    if (message.tokenDelta != null && $Object.hasOwnProperty.call(message, "tokenDelta"))
                        $root.llorch.worker.v1.TokenDelta.encode(message.tokenDelta, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                    if (message.jobDone != null && $Object.hasOwnProperty.call(message, "jobDone"))
                        $root.llorch.worker.v1.JobDone.encode(message.jobDone, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                    if (message.jobFailed != null && $Object.hasOwnProperty.call(message, "jobFailed"))
                        $root.llorch.worker.v1.JobFailed.encode(message.jobFailed, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                    if (message.stats != null && $Object.hasOwnProperty.call(message, "stats"))
                        $root.llorch.worker.v1.Stats.encode(message.stats, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                    if (message.heartbeat != null && $Object.hasOwnProperty.call(message, "heartbeat"))
                        $root.llorch.worker.v1.Heartbeat.encode(message.heartbeat, writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
                    if (message.drain != null && $Object.hasOwnProperty.call(message, "drain"))
                        $root.llorch.worker.v1.Drain.encode(message.drain, writer.uint32(/* id 9, wireType 2 =*/74).fork(), _depth + 1).ldelim();
                    if (message.shutdown != null && $Object.hasOwnProperty.call(message, "shutdown"))
                        $root.llorch.worker.v1.Shutdown.encode(message.shutdown, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                    if (message.ping != null && $Object.hasOwnProperty.call(message, "ping"))
                        $root.llorch.worker.v1.Ping.encode(message.ping, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                    if (message.pong != null && $Object.hasOwnProperty.call(message, "pong"))
                        $root.llorch.worker.v1.Pong.encode(message.pong, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
                    if (message.drained != null && $Object.hasOwnProperty.call(message, "drained"))
                        $root.llorch.worker.v1.Drained.encode(message.drained, writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
                    if (message.frameRejected != null && $Object.hasOwnProperty.call(message, "frameRejected"))
                        $root.llorch.worker.v1.FrameRejected.encode(message.frameRejected, writer.uint32(/* id 14, wireType 2 =*/114).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes an Envelope message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.Envelope
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Envelope & llorch.worker.v1.Envelope.$Shape} Envelope
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Envelope.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.Envelope();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                message.hello = $root.llorch.worker.v1.Hello.decode(reader, reader.size(), $undefined, _depth + 1, message.hello);
                                message.payload = "hello";
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                message.submit = $root.llorch.worker.v1.Submit.decode(reader, reader.size(), $undefined, _depth + 1, message.submit);
                                message.payload = "submit";
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                message.cancel = $root.llorch.worker.v1.Cancel.decode(reader, reader.size(), $undefined, _depth + 1, message.cancel);
                                message.payload = "cancel";
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                message.tokenDelta = $root.llorch.worker.v1.TokenDelta.decode(reader, reader.size(), $undefined, _depth + 1, message.tokenDelta);
                                message.payload = "tokenDelta";
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                message.jobDone = $root.llorch.worker.v1.JobDone.decode(reader, reader.size(), $undefined, _depth + 1, message.jobDone);
                                message.payload = "jobDone";
                                continue;
                            }
                        case 6: {
                                if (wireType !== 2)
                                    break;
                                message.jobFailed = $root.llorch.worker.v1.JobFailed.decode(reader, reader.size(), $undefined, _depth + 1, message.jobFailed);
                                message.payload = "jobFailed";
                                continue;
                            }
                        case 7: {
                                if (wireType !== 2)
                                    break;
                                message.stats = $root.llorch.worker.v1.Stats.decode(reader, reader.size(), $undefined, _depth + 1, message.stats);
                                message.payload = "stats";
                                continue;
                            }
                        case 8: {
                                if (wireType !== 2)
                                    break;
                                message.heartbeat = $root.llorch.worker.v1.Heartbeat.decode(reader, reader.size(), $undefined, _depth + 1, message.heartbeat);
                                message.payload = "heartbeat";
                                continue;
                            }
                        case 9: {
                                if (wireType !== 2)
                                    break;
                                message.drain = $root.llorch.worker.v1.Drain.decode(reader, reader.size(), $undefined, _depth + 1, message.drain);
                                message.payload = "drain";
                                continue;
                            }
                        case 10: {
                                if (wireType !== 2)
                                    break;
                                message.shutdown = $root.llorch.worker.v1.Shutdown.decode(reader, reader.size(), $undefined, _depth + 1, message.shutdown);
                                message.payload = "shutdown";
                                continue;
                            }
                        case 11: {
                                if (wireType !== 2)
                                    break;
                                message.ping = $root.llorch.worker.v1.Ping.decode(reader, reader.size(), $undefined, _depth + 1, message.ping);
                                message.payload = "ping";
                                continue;
                            }
                        case 12: {
                                if (wireType !== 2)
                                    break;
                                message.pong = $root.llorch.worker.v1.Pong.decode(reader, reader.size(), $undefined, _depth + 1, message.pong);
                                message.payload = "pong";
                                continue;
                            }
                        case 13: {
                                if (wireType !== 2)
                                    break;
                                message.drained = $root.llorch.worker.v1.Drained.decode(reader, reader.size(), $undefined, _depth + 1, message.drained);
                                message.payload = "drained";
                                continue;
                            }
                        case 14: {
                                if (wireType !== 2)
                                    break;
                                message.frameRejected = $root.llorch.worker.v1.FrameRejected.decode(reader, reader.size(), $undefined, _depth + 1, message.frameRejected);
                                message.payload = "frameRejected";
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies an Envelope message.
                 * @function verify
                 * @memberof llorch.worker.v1.Envelope
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                Envelope.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    let properties = {};
                    if (message.hello != null && $Object.hasOwnProperty.call(message, "hello")) {
                        properties.payload = 1;
                        {
                            let error = $root.llorch.worker.v1.Hello.verify(message.hello, _depth + 1);
                            if (error)
                                return "hello." + error;
                        }
                    }
                    if (message.submit != null && $Object.hasOwnProperty.call(message, "submit")) {
                        if (properties.payload === 1)
                            return "payload: multiple values";
                        properties.payload = 1;
                        {
                            let error = $root.llorch.worker.v1.Submit.verify(message.submit, _depth + 1);
                            if (error)
                                return "submit." + error;
                        }
                    }
                    if (message.cancel != null && $Object.hasOwnProperty.call(message, "cancel")) {
                        if (properties.payload === 1)
                            return "payload: multiple values";
                        properties.payload = 1;
                        {
                            let error = $root.llorch.worker.v1.Cancel.verify(message.cancel, _depth + 1);
                            if (error)
                                return "cancel." + error;
                        }
                    }
                    if (message.tokenDelta != null && $Object.hasOwnProperty.call(message, "tokenDelta")) {
                        if (properties.payload === 1)
                            return "payload: multiple values";
                        properties.payload = 1;
                        {
                            let error = $root.llorch.worker.v1.TokenDelta.verify(message.tokenDelta, _depth + 1);
                            if (error)
                                return "tokenDelta." + error;
                        }
                    }
                    if (message.jobDone != null && $Object.hasOwnProperty.call(message, "jobDone")) {
                        if (properties.payload === 1)
                            return "payload: multiple values";
                        properties.payload = 1;
                        {
                            let error = $root.llorch.worker.v1.JobDone.verify(message.jobDone, _depth + 1);
                            if (error)
                                return "jobDone." + error;
                        }
                    }
                    if (message.jobFailed != null && $Object.hasOwnProperty.call(message, "jobFailed")) {
                        if (properties.payload === 1)
                            return "payload: multiple values";
                        properties.payload = 1;
                        {
                            let error = $root.llorch.worker.v1.JobFailed.verify(message.jobFailed, _depth + 1);
                            if (error)
                                return "jobFailed." + error;
                        }
                    }
                    if (message.stats != null && $Object.hasOwnProperty.call(message, "stats")) {
                        if (properties.payload === 1)
                            return "payload: multiple values";
                        properties.payload = 1;
                        {
                            let error = $root.llorch.worker.v1.Stats.verify(message.stats, _depth + 1);
                            if (error)
                                return "stats." + error;
                        }
                    }
                    if (message.heartbeat != null && $Object.hasOwnProperty.call(message, "heartbeat")) {
                        if (properties.payload === 1)
                            return "payload: multiple values";
                        properties.payload = 1;
                        {
                            let error = $root.llorch.worker.v1.Heartbeat.verify(message.heartbeat, _depth + 1);
                            if (error)
                                return "heartbeat." + error;
                        }
                    }
                    if (message.drain != null && $Object.hasOwnProperty.call(message, "drain")) {
                        if (properties.payload === 1)
                            return "payload: multiple values";
                        properties.payload = 1;
                        {
                            let error = $root.llorch.worker.v1.Drain.verify(message.drain, _depth + 1);
                            if (error)
                                return "drain." + error;
                        }
                    }
                    if (message.shutdown != null && $Object.hasOwnProperty.call(message, "shutdown")) {
                        if (properties.payload === 1)
                            return "payload: multiple values";
                        properties.payload = 1;
                        {
                            let error = $root.llorch.worker.v1.Shutdown.verify(message.shutdown, _depth + 1);
                            if (error)
                                return "shutdown." + error;
                        }
                    }
                    if (message.ping != null && $Object.hasOwnProperty.call(message, "ping")) {
                        if (properties.payload === 1)
                            return "payload: multiple values";
                        properties.payload = 1;
                        {
                            let error = $root.llorch.worker.v1.Ping.verify(message.ping, _depth + 1);
                            if (error)
                                return "ping." + error;
                        }
                    }
                    if (message.pong != null && $Object.hasOwnProperty.call(message, "pong")) {
                        if (properties.payload === 1)
                            return "payload: multiple values";
                        properties.payload = 1;
                        {
                            let error = $root.llorch.worker.v1.Pong.verify(message.pong, _depth + 1);
                            if (error)
                                return "pong." + error;
                        }
                    }
                    if (message.drained != null && $Object.hasOwnProperty.call(message, "drained")) {
                        if (properties.payload === 1)
                            return "payload: multiple values";
                        properties.payload = 1;
                        {
                            let error = $root.llorch.worker.v1.Drained.verify(message.drained, _depth + 1);
                            if (error)
                                return "drained." + error;
                        }
                    }
                    if (message.frameRejected != null && $Object.hasOwnProperty.call(message, "frameRejected")) {
                        if (properties.payload === 1)
                            return "payload: multiple values";
                        properties.payload = 1;
                        {
                            let error = $root.llorch.worker.v1.FrameRejected.verify(message.frameRejected, _depth + 1);
                            if (error)
                                return "frameRejected." + error;
                        }
                    }
                    return null;
                };

                /**
                 * Creates an Envelope message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.Envelope
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.Envelope} Envelope
                 */
                Envelope.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.Envelope)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.Envelope: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.llorch.worker.v1.Envelope();
                    if (object.hello != null) {
                        if (!$util.isObject(object.hello))
                            throw $TypeError(".llorch.worker.v1.Envelope.hello: object expected");
                        message.hello = $root.llorch.worker.v1.Hello.fromObject(object.hello, _depth + 1);
                    }
                    if (object.submit != null) {
                        if (!$util.isObject(object.submit))
                            throw $TypeError(".llorch.worker.v1.Envelope.submit: object expected");
                        message.submit = $root.llorch.worker.v1.Submit.fromObject(object.submit, _depth + 1);
                    }
                    if (object.cancel != null) {
                        if (!$util.isObject(object.cancel))
                            throw $TypeError(".llorch.worker.v1.Envelope.cancel: object expected");
                        message.cancel = $root.llorch.worker.v1.Cancel.fromObject(object.cancel, _depth + 1);
                    }
                    if (object.tokenDelta != null) {
                        if (!$util.isObject(object.tokenDelta))
                            throw $TypeError(".llorch.worker.v1.Envelope.tokenDelta: object expected");
                        message.tokenDelta = $root.llorch.worker.v1.TokenDelta.fromObject(object.tokenDelta, _depth + 1);
                    }
                    if (object.jobDone != null) {
                        if (!$util.isObject(object.jobDone))
                            throw $TypeError(".llorch.worker.v1.Envelope.jobDone: object expected");
                        message.jobDone = $root.llorch.worker.v1.JobDone.fromObject(object.jobDone, _depth + 1);
                    }
                    if (object.jobFailed != null) {
                        if (!$util.isObject(object.jobFailed))
                            throw $TypeError(".llorch.worker.v1.Envelope.jobFailed: object expected");
                        message.jobFailed = $root.llorch.worker.v1.JobFailed.fromObject(object.jobFailed, _depth + 1);
                    }
                    if (object.stats != null) {
                        if (!$util.isObject(object.stats))
                            throw $TypeError(".llorch.worker.v1.Envelope.stats: object expected");
                        message.stats = $root.llorch.worker.v1.Stats.fromObject(object.stats, _depth + 1);
                    }
                    if (object.heartbeat != null) {
                        if (!$util.isObject(object.heartbeat))
                            throw $TypeError(".llorch.worker.v1.Envelope.heartbeat: object expected");
                        message.heartbeat = $root.llorch.worker.v1.Heartbeat.fromObject(object.heartbeat, _depth + 1);
                    }
                    if (object.drain != null) {
                        if (!$util.isObject(object.drain))
                            throw $TypeError(".llorch.worker.v1.Envelope.drain: object expected");
                        message.drain = $root.llorch.worker.v1.Drain.fromObject(object.drain, _depth + 1);
                    }
                    if (object.shutdown != null) {
                        if (!$util.isObject(object.shutdown))
                            throw $TypeError(".llorch.worker.v1.Envelope.shutdown: object expected");
                        message.shutdown = $root.llorch.worker.v1.Shutdown.fromObject(object.shutdown, _depth + 1);
                    }
                    if (object.ping != null) {
                        if (!$util.isObject(object.ping))
                            throw $TypeError(".llorch.worker.v1.Envelope.ping: object expected");
                        message.ping = $root.llorch.worker.v1.Ping.fromObject(object.ping, _depth + 1);
                    }
                    if (object.pong != null) {
                        if (!$util.isObject(object.pong))
                            throw $TypeError(".llorch.worker.v1.Envelope.pong: object expected");
                        message.pong = $root.llorch.worker.v1.Pong.fromObject(object.pong, _depth + 1);
                    }
                    if (object.drained != null) {
                        if (!$util.isObject(object.drained))
                            throw $TypeError(".llorch.worker.v1.Envelope.drained: object expected");
                        message.drained = $root.llorch.worker.v1.Drained.fromObject(object.drained, _depth + 1);
                    }
                    if (object.frameRejected != null) {
                        if (!$util.isObject(object.frameRejected))
                            throw $TypeError(".llorch.worker.v1.Envelope.frameRejected: object expected");
                        message.frameRejected = $root.llorch.worker.v1.FrameRejected.fromObject(object.frameRejected, _depth + 1);
                    }
                    return message;
                };

                /**
                 * Creates a plain object from an Envelope message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.Envelope
                 * @static
                 * @param {llorch.worker.v1.Envelope} message Envelope
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Envelope.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (message.hello != null && $Object.hasOwnProperty.call(message, "hello")) {
                        object.hello = $root.llorch.worker.v1.Hello.toObject(message.hello, options, _depth + 1);
                        if (options.oneofs)
                            object.payload = "hello";
                    }
                    if (message.submit != null && $Object.hasOwnProperty.call(message, "submit")) {
                        object.submit = $root.llorch.worker.v1.Submit.toObject(message.submit, options, _depth + 1);
                        if (options.oneofs)
                            object.payload = "submit";
                    }
                    if (message.cancel != null && $Object.hasOwnProperty.call(message, "cancel")) {
                        object.cancel = $root.llorch.worker.v1.Cancel.toObject(message.cancel, options, _depth + 1);
                        if (options.oneofs)
                            object.payload = "cancel";
                    }
                    if (message.tokenDelta != null && $Object.hasOwnProperty.call(message, "tokenDelta")) {
                        object.tokenDelta = $root.llorch.worker.v1.TokenDelta.toObject(message.tokenDelta, options, _depth + 1);
                        if (options.oneofs)
                            object.payload = "tokenDelta";
                    }
                    if (message.jobDone != null && $Object.hasOwnProperty.call(message, "jobDone")) {
                        object.jobDone = $root.llorch.worker.v1.JobDone.toObject(message.jobDone, options, _depth + 1);
                        if (options.oneofs)
                            object.payload = "jobDone";
                    }
                    if (message.jobFailed != null && $Object.hasOwnProperty.call(message, "jobFailed")) {
                        object.jobFailed = $root.llorch.worker.v1.JobFailed.toObject(message.jobFailed, options, _depth + 1);
                        if (options.oneofs)
                            object.payload = "jobFailed";
                    }
                    if (message.stats != null && $Object.hasOwnProperty.call(message, "stats")) {
                        object.stats = $root.llorch.worker.v1.Stats.toObject(message.stats, options, _depth + 1);
                        if (options.oneofs)
                            object.payload = "stats";
                    }
                    if (message.heartbeat != null && $Object.hasOwnProperty.call(message, "heartbeat")) {
                        object.heartbeat = $root.llorch.worker.v1.Heartbeat.toObject(message.heartbeat, options, _depth + 1);
                        if (options.oneofs)
                            object.payload = "heartbeat";
                    }
                    if (message.drain != null && $Object.hasOwnProperty.call(message, "drain")) {
                        object.drain = $root.llorch.worker.v1.Drain.toObject(message.drain, options, _depth + 1);
                        if (options.oneofs)
                            object.payload = "drain";
                    }
                    if (message.shutdown != null && $Object.hasOwnProperty.call(message, "shutdown")) {
                        object.shutdown = $root.llorch.worker.v1.Shutdown.toObject(message.shutdown, options, _depth + 1);
                        if (options.oneofs)
                            object.payload = "shutdown";
                    }
                    if (message.ping != null && $Object.hasOwnProperty.call(message, "ping")) {
                        object.ping = $root.llorch.worker.v1.Ping.toObject(message.ping, options, _depth + 1);
                        if (options.oneofs)
                            object.payload = "ping";
                    }
                    if (message.pong != null && $Object.hasOwnProperty.call(message, "pong")) {
                        object.pong = $root.llorch.worker.v1.Pong.toObject(message.pong, options, _depth + 1);
                        if (options.oneofs)
                            object.payload = "pong";
                    }
                    if (message.drained != null && $Object.hasOwnProperty.call(message, "drained")) {
                        object.drained = $root.llorch.worker.v1.Drained.toObject(message.drained, options, _depth + 1);
                        if (options.oneofs)
                            object.payload = "drained";
                    }
                    if (message.frameRejected != null && $Object.hasOwnProperty.call(message, "frameRejected")) {
                        object.frameRejected = $root.llorch.worker.v1.FrameRejected.toObject(message.frameRejected, options, _depth + 1);
                        if (options.oneofs)
                            object.payload = "frameRejected";
                    }
                    return object;
                };

                /**
                 * Converts this Envelope to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.Envelope
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Envelope.prototype.toJSON = function() {
                    return Envelope.toObject(this, $protobuf.util.toJSONOptions);
                };

                return Envelope;
            })();

            v1.EngineLimits = (function() {

                /**
                 * Properties of an EngineLimits.
                 * @typedef {Object} llorch.worker.v1.EngineLimits.$Properties
                 * @property {number|null} [contextLength] Maximum tokens (prompt + generated) of one job.
                 * @property {number|null} [maxRunningJobs] Maximum jobs the engine runs concurrently; more wait in the engine's queue.
                 * @property {number|null} [kvBlockSize] Tokens per KV-cache block.
                 * @property {number|null} [kvBlocksTotal] KV-cache blocks in the pool shared by all jobs.
                 * @property {number|null} [maxFrameBytes] Largest frame (bytes after the length prefix) this worker accepts.
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of an EngineLimits.
                 * @memberof llorch.worker.v1
                 * @interface IEngineLimits
                 * @augments llorch.worker.v1.EngineLimits.$Properties
                 * @deprecated Use llorch.worker.v1.EngineLimits.$Properties instead.
                 */

                /**
                 * Shape of an EngineLimits.
                 * @typedef {llorch.worker.v1.EngineLimits.$Properties} llorch.worker.v1.EngineLimits.$Shape
                 */

                /**
                 * Constructs a new EngineLimits.
                 * @memberof llorch.worker.v1
                 * @classdesc Engine limits a worker runs with; the orchestrator routes jobs within them.
                 * @constructor
                 * @param {llorch.worker.v1.EngineLimits.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const EngineLimits = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Maximum tokens (prompt + generated) of one job.
                 * @member {number} contextLength
                 * @memberof llorch.worker.v1.EngineLimits
                 * @instance
                 */
                EngineLimits.prototype.contextLength = 0;

                /**
                 * Maximum jobs the engine runs concurrently; more wait in the engine's queue.
                 * @member {number} maxRunningJobs
                 * @memberof llorch.worker.v1.EngineLimits
                 * @instance
                 */
                EngineLimits.prototype.maxRunningJobs = 0;

                /**
                 * Tokens per KV-cache block.
                 * @member {number} kvBlockSize
                 * @memberof llorch.worker.v1.EngineLimits
                 * @instance
                 */
                EngineLimits.prototype.kvBlockSize = 0;

                /**
                 * KV-cache blocks in the pool shared by all jobs.
                 * @member {number} kvBlocksTotal
                 * @memberof llorch.worker.v1.EngineLimits
                 * @instance
                 */
                EngineLimits.prototype.kvBlocksTotal = 0;

                /**
                 * Largest frame (bytes after the length prefix) this worker accepts.
                 * @member {number} maxFrameBytes
                 * @memberof llorch.worker.v1.EngineLimits
                 * @instance
                 */
                EngineLimits.prototype.maxFrameBytes = 0;

                /**
                 * Creates a new EngineLimits instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.EngineLimits
                 * @static
                 * @param {llorch.worker.v1.EngineLimits.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.EngineLimits} EngineLimits instance
                 * @type {{
                 *   (properties: llorch.worker.v1.EngineLimits.$Shape): llorch.worker.v1.EngineLimits & llorch.worker.v1.EngineLimits.$Shape;
                 *   (properties?: llorch.worker.v1.EngineLimits.$Properties): llorch.worker.v1.EngineLimits;
                 * }}
                 */
                EngineLimits.create = function(properties) {
                    return new EngineLimits(properties);
                };

                /**
                 * Encodes the specified EngineLimits message. Does not implicitly {@link llorch.worker.v1.EngineLimits.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.EngineLimits
                 * @static
                 * @param {llorch.worker.v1.EngineLimits.$Properties} message EngineLimits message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                EngineLimits.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.contextLength != null && $Object.hasOwnProperty.call(message, "contextLength") && message.contextLength !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.contextLength);
                    if (message.maxRunningJobs != null && $Object.hasOwnProperty.call(message, "maxRunningJobs") && message.maxRunningJobs !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.maxRunningJobs);
                    if (message.kvBlockSize != null && $Object.hasOwnProperty.call(message, "kvBlockSize") && message.kvBlockSize !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.kvBlockSize);
                    if (message.kvBlocksTotal != null && $Object.hasOwnProperty.call(message, "kvBlocksTotal") && message.kvBlocksTotal !== 0)
                        writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.kvBlocksTotal);
                    if (message.maxFrameBytes != null && $Object.hasOwnProperty.call(message, "maxFrameBytes") && message.maxFrameBytes !== 0)
                        writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.maxFrameBytes);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes an EngineLimits message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.EngineLimits
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.EngineLimits & llorch.worker.v1.EngineLimits.$Shape} EngineLimits
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                EngineLimits.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.EngineLimits();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.contextLength = value;
                                else
                                    delete message.contextLength;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.maxRunningJobs = value;
                                else
                                    delete message.maxRunningJobs;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.kvBlockSize = value;
                                else
                                    delete message.kvBlockSize;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.kvBlocksTotal = value;
                                else
                                    delete message.kvBlocksTotal;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.maxFrameBytes = value;
                                else
                                    delete message.maxFrameBytes;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies an EngineLimits message.
                 * @function verify
                 * @memberof llorch.worker.v1.EngineLimits
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                EngineLimits.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.contextLength != null && $Object.hasOwnProperty.call(message, "contextLength"))
                        if (!$util.isInteger(message.contextLength))
                            return "contextLength: integer expected";
                    if (message.maxRunningJobs != null && $Object.hasOwnProperty.call(message, "maxRunningJobs"))
                        if (!$util.isInteger(message.maxRunningJobs))
                            return "maxRunningJobs: integer expected";
                    if (message.kvBlockSize != null && $Object.hasOwnProperty.call(message, "kvBlockSize"))
                        if (!$util.isInteger(message.kvBlockSize))
                            return "kvBlockSize: integer expected";
                    if (message.kvBlocksTotal != null && $Object.hasOwnProperty.call(message, "kvBlocksTotal"))
                        if (!$util.isInteger(message.kvBlocksTotal))
                            return "kvBlocksTotal: integer expected";
                    if (message.maxFrameBytes != null && $Object.hasOwnProperty.call(message, "maxFrameBytes"))
                        if (!$util.isInteger(message.maxFrameBytes))
                            return "maxFrameBytes: integer expected";
                    return null;
                };

                /**
                 * Creates an EngineLimits message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.EngineLimits
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.EngineLimits} EngineLimits
                 */
                EngineLimits.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.EngineLimits)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.EngineLimits: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.llorch.worker.v1.EngineLimits();
                    if (object.contextLength != null)
                        if ($Number(object.contextLength) !== 0)
                            message.contextLength = object.contextLength >>> 0;
                    if (object.maxRunningJobs != null)
                        if ($Number(object.maxRunningJobs) !== 0)
                            message.maxRunningJobs = object.maxRunningJobs >>> 0;
                    if (object.kvBlockSize != null)
                        if ($Number(object.kvBlockSize) !== 0)
                            message.kvBlockSize = object.kvBlockSize >>> 0;
                    if (object.kvBlocksTotal != null)
                        if ($Number(object.kvBlocksTotal) !== 0)
                            message.kvBlocksTotal = object.kvBlocksTotal >>> 0;
                    if (object.maxFrameBytes != null)
                        if ($Number(object.maxFrameBytes) !== 0)
                            message.maxFrameBytes = object.maxFrameBytes >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from an EngineLimits message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.EngineLimits
                 * @static
                 * @param {llorch.worker.v1.EngineLimits} message EngineLimits
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                EngineLimits.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.contextLength = 0;
                        object.maxRunningJobs = 0;
                        object.kvBlockSize = 0;
                        object.kvBlocksTotal = 0;
                        object.maxFrameBytes = 0;
                    }
                    if (message.contextLength != null && $Object.hasOwnProperty.call(message, "contextLength"))
                        object.contextLength = message.contextLength;
                    if (message.maxRunningJobs != null && $Object.hasOwnProperty.call(message, "maxRunningJobs"))
                        object.maxRunningJobs = message.maxRunningJobs;
                    if (message.kvBlockSize != null && $Object.hasOwnProperty.call(message, "kvBlockSize"))
                        object.kvBlockSize = message.kvBlockSize;
                    if (message.kvBlocksTotal != null && $Object.hasOwnProperty.call(message, "kvBlocksTotal"))
                        object.kvBlocksTotal = message.kvBlocksTotal;
                    if (message.maxFrameBytes != null && $Object.hasOwnProperty.call(message, "maxFrameBytes"))
                        object.maxFrameBytes = message.maxFrameBytes;
                    return object;
                };

                /**
                 * Converts this EngineLimits to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.EngineLimits
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                EngineLimits.prototype.toJSON = function() {
                    return EngineLimits.toObject(this, $protobuf.util.toJSONOptions);
                };

                return EngineLimits;
            })();

            v1.Hello = (function() {

                /**
                 * Properties of a Hello.
                 * @typedef {Object} llorch.worker.v1.Hello.$Properties
                 * @property {number|null} [protocolVersion] PROTOCOL_VERSION of the worker's build; the orchestrator refuses a worker whose version
                 * it does not speak.
                 * @property {string|null} [modelName] The --name the worker was started with (defaults to the GGUF's general.name or file name).
                 * @property {string|null} [architecture] general.architecture of the GGUF (llama, qwen2, ...).
                 * @property {number|null} [modelContextLength] Context length the model was trained for (GGUF <arch>.context_length).
                 * @property {number|null} [vocabSize] Tokens in the tokenizer's vocabulary.
                 * @property {string|null} [device] Device the engine runs on: "cpu" or "cuda:N".
                 * @property {number|null} [memoryUsedBytes] Device memory in use after loading (weights, KV cache, scratch), in bytes.
                 * @property {number|null} [memoryFreeBytes] Device memory still free after loading, in bytes.
                 * @property {llorch.worker.v1.EngineLimits.$Properties|null} [limits] Limits of the loaded engine.
                 * @property {number|null} [pid] Operating-system process id of the worker (for logs and signals).
                 * @property {boolean|null} [hasChatTemplate] Whether the model ships a chat template (without one, chat input is rendered in ChatML).
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Hello.
                 * @memberof llorch.worker.v1
                 * @interface IHello
                 * @augments llorch.worker.v1.Hello.$Properties
                 * @deprecated Use llorch.worker.v1.Hello.$Properties instead.
                 */

                /**
                 * Shape of a Hello.
                 * @typedef {llorch.worker.v1.Hello.$Properties} llorch.worker.v1.Hello.$Shape
                 */

                /**
                 * Constructs a new Hello.
                 * @memberof llorch.worker.v1
                 * @classdesc The worker is ready: the model is loaded and Submit is accepted from now on.
                 * @constructor
                 * @param {llorch.worker.v1.Hello.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Hello = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * PROTOCOL_VERSION of the worker's build; the orchestrator refuses a worker whose version
                 * it does not speak.
                 * @member {number} protocolVersion
                 * @memberof llorch.worker.v1.Hello
                 * @instance
                 */
                Hello.prototype.protocolVersion = 0;

                /**
                 * The --name the worker was started with (defaults to the GGUF's general.name or file name).
                 * @member {string} modelName
                 * @memberof llorch.worker.v1.Hello
                 * @instance
                 */
                Hello.prototype.modelName = "";

                /**
                 * general.architecture of the GGUF (llama, qwen2, ...).
                 * @member {string} architecture
                 * @memberof llorch.worker.v1.Hello
                 * @instance
                 */
                Hello.prototype.architecture = "";

                /**
                 * Context length the model was trained for (GGUF <arch>.context_length).
                 * @member {number} modelContextLength
                 * @memberof llorch.worker.v1.Hello
                 * @instance
                 */
                Hello.prototype.modelContextLength = 0;

                /**
                 * Tokens in the tokenizer's vocabulary.
                 * @member {number} vocabSize
                 * @memberof llorch.worker.v1.Hello
                 * @instance
                 */
                Hello.prototype.vocabSize = 0;

                /**
                 * Device the engine runs on: "cpu" or "cuda:N".
                 * @member {string} device
                 * @memberof llorch.worker.v1.Hello
                 * @instance
                 */
                Hello.prototype.device = "";

                /**
                 * Device memory in use after loading (weights, KV cache, scratch), in bytes.
                 * @member {number} memoryUsedBytes
                 * @memberof llorch.worker.v1.Hello
                 * @instance
                 */
                Hello.prototype.memoryUsedBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Device memory still free after loading, in bytes.
                 * @member {number} memoryFreeBytes
                 * @memberof llorch.worker.v1.Hello
                 * @instance
                 */
                Hello.prototype.memoryFreeBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Limits of the loaded engine.
                 * @member {llorch.worker.v1.EngineLimits.$Properties|null|undefined} limits
                 * @memberof llorch.worker.v1.Hello
                 * @instance
                 */
                Hello.prototype.limits = null;

                /**
                 * Operating-system process id of the worker (for logs and signals).
                 * @member {number} pid
                 * @memberof llorch.worker.v1.Hello
                 * @instance
                 */
                Hello.prototype.pid = 0;

                /**
                 * Whether the model ships a chat template (without one, chat input is rendered in ChatML).
                 * @member {boolean} hasChatTemplate
                 * @memberof llorch.worker.v1.Hello
                 * @instance
                 */
                Hello.prototype.hasChatTemplate = false;

                /**
                 * Creates a new Hello instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.Hello
                 * @static
                 * @param {llorch.worker.v1.Hello.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.Hello} Hello instance
                 * @type {{
                 *   (properties: llorch.worker.v1.Hello.$Shape): llorch.worker.v1.Hello & llorch.worker.v1.Hello.$Shape;
                 *   (properties?: llorch.worker.v1.Hello.$Properties): llorch.worker.v1.Hello;
                 * }}
                 */
                Hello.create = function(properties) {
                    return new Hello(properties);
                };

                /**
                 * Encodes the specified Hello message. Does not implicitly {@link llorch.worker.v1.Hello.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.Hello
                 * @static
                 * @param {llorch.worker.v1.Hello.$Properties} message Hello message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Hello.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                    if (message.modelName != null && $Object.hasOwnProperty.call(message, "modelName") && message.modelName !== "")
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.modelName);
                    if (message.architecture != null && $Object.hasOwnProperty.call(message, "architecture") && message.architecture !== "")
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.architecture);
                    if (message.modelContextLength != null && $Object.hasOwnProperty.call(message, "modelContextLength") && message.modelContextLength !== 0)
                        writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.modelContextLength);
                    if (message.vocabSize != null && $Object.hasOwnProperty.call(message, "vocabSize") && message.vocabSize !== 0)
                        writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.vocabSize);
                    if (message.device != null && $Object.hasOwnProperty.call(message, "device") && message.device !== "")
                        writer.uint32(/* id 6, wireType 2 =*/50).string(message.device);
                    if (message.memoryUsedBytes != null && $Object.hasOwnProperty.call(message, "memoryUsedBytes") && (typeof message.memoryUsedBytes === "object" ? message.memoryUsedBytes.low || message.memoryUsedBytes.high : message.memoryUsedBytes !== 0))
                        writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.memoryUsedBytes);
                    if (message.memoryFreeBytes != null && $Object.hasOwnProperty.call(message, "memoryFreeBytes") && (typeof message.memoryFreeBytes === "object" ? message.memoryFreeBytes.low || message.memoryFreeBytes.high : message.memoryFreeBytes !== 0))
                        writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.memoryFreeBytes);
                    if (message.limits != null && $Object.hasOwnProperty.call(message, "limits"))
                        $root.llorch.worker.v1.EngineLimits.encode(message.limits, writer.uint32(/* id 9, wireType 2 =*/74).fork(), _depth + 1).ldelim();
                    if (message.pid != null && $Object.hasOwnProperty.call(message, "pid") && message.pid !== 0)
                        writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.pid);
                    if (message.hasChatTemplate != null && $Object.hasOwnProperty.call(message, "hasChatTemplate") && message.hasChatTemplate !== false)
                        writer.uint32(/* id 11, wireType 0 =*/88).bool(message.hasChatTemplate);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Hello message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.Hello
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Hello & llorch.worker.v1.Hello.$Shape} Hello
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Hello.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.Hello();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.protocolVersion = value;
                                else
                                    delete message.protocolVersion;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.modelName = value;
                                else
                                    delete message.modelName;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.architecture = value;
                                else
                                    delete message.architecture;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.modelContextLength = value;
                                else
                                    delete message.modelContextLength;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.vocabSize = value;
                                else
                                    delete message.vocabSize;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.device = value;
                                else
                                    delete message.device;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.memoryUsedBytes = value;
                                else
                                    delete message.memoryUsedBytes;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.memoryFreeBytes = value;
                                else
                                    delete message.memoryFreeBytes;
                                continue;
                            }
                        case 9: {
                                if (wireType !== 2)
                                    break;
                                message.limits = $root.llorch.worker.v1.EngineLimits.decode(reader, reader.size(), $undefined, _depth + 1, message.limits);
                                continue;
                            }
                        case 10: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.pid = value;
                                else
                                    delete message.pid;
                                continue;
                            }
                        case 11: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.hasChatTemplate = value;
                                else
                                    delete message.hasChatTemplate;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a Hello message.
                 * @function verify
                 * @memberof llorch.worker.v1.Hello
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                Hello.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                        if (!$util.isInteger(message.protocolVersion))
                            return "protocolVersion: integer expected";
                    if (message.modelName != null && $Object.hasOwnProperty.call(message, "modelName"))
                        if (!$util.isString(message.modelName))
                            return "modelName: string expected";
                    if (message.architecture != null && $Object.hasOwnProperty.call(message, "architecture"))
                        if (!$util.isString(message.architecture))
                            return "architecture: string expected";
                    if (message.modelContextLength != null && $Object.hasOwnProperty.call(message, "modelContextLength"))
                        if (!$util.isInteger(message.modelContextLength))
                            return "modelContextLength: integer expected";
                    if (message.vocabSize != null && $Object.hasOwnProperty.call(message, "vocabSize"))
                        if (!$util.isInteger(message.vocabSize))
                            return "vocabSize: integer expected";
                    if (message.device != null && $Object.hasOwnProperty.call(message, "device"))
                        if (!$util.isString(message.device))
                            return "device: string expected";
                    if (message.memoryUsedBytes != null && $Object.hasOwnProperty.call(message, "memoryUsedBytes"))
                        if (!$util.isInteger(message.memoryUsedBytes) && !(message.memoryUsedBytes && $util.isInteger(message.memoryUsedBytes.low) && $util.isInteger(message.memoryUsedBytes.high)))
                            return "memoryUsedBytes: integer|Long expected";
                    if (message.memoryFreeBytes != null && $Object.hasOwnProperty.call(message, "memoryFreeBytes"))
                        if (!$util.isInteger(message.memoryFreeBytes) && !(message.memoryFreeBytes && $util.isInteger(message.memoryFreeBytes.low) && $util.isInteger(message.memoryFreeBytes.high)))
                            return "memoryFreeBytes: integer|Long expected";
                    if (message.limits != null && $Object.hasOwnProperty.call(message, "limits")) {
                        let error = $root.llorch.worker.v1.EngineLimits.verify(message.limits, _depth + 1);
                        if (error)
                            return "limits." + error;
                    }
                    if (message.pid != null && $Object.hasOwnProperty.call(message, "pid"))
                        if (!$util.isInteger(message.pid))
                            return "pid: integer expected";
                    if (message.hasChatTemplate != null && $Object.hasOwnProperty.call(message, "hasChatTemplate"))
                        if (typeof message.hasChatTemplate !== "boolean")
                            return "hasChatTemplate: boolean expected";
                    return null;
                };

                /**
                 * Creates a Hello message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.Hello
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.Hello} Hello
                 */
                Hello.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.Hello)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.Hello: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.llorch.worker.v1.Hello();
                    if (object.protocolVersion != null)
                        if ($Number(object.protocolVersion) !== 0)
                            message.protocolVersion = object.protocolVersion >>> 0;
                    if (object.modelName != null)
                        if (typeof object.modelName !== "string" || object.modelName.length)
                            message.modelName = $String(object.modelName);
                    if (object.architecture != null)
                        if (typeof object.architecture !== "string" || object.architecture.length)
                            message.architecture = $String(object.architecture);
                    if (object.modelContextLength != null)
                        if ($Number(object.modelContextLength) !== 0)
                            message.modelContextLength = object.modelContextLength >>> 0;
                    if (object.vocabSize != null)
                        if ($Number(object.vocabSize) !== 0)
                            message.vocabSize = object.vocabSize >>> 0;
                    if (object.device != null)
                        if (typeof object.device !== "string" || object.device.length)
                            message.device = $String(object.device);
                    if (object.memoryUsedBytes != null)
                        if (typeof object.memoryUsedBytes === "object" ? object.memoryUsedBytes.low || object.memoryUsedBytes.high : $Number(object.memoryUsedBytes) !== 0)
                            if ($util.Long)
                                message.memoryUsedBytes = $util.Long.fromValue(object.memoryUsedBytes, true);
                            else if (typeof object.memoryUsedBytes === "string")
                                message.memoryUsedBytes = $parseInt(object.memoryUsedBytes, 10);
                            else if (typeof object.memoryUsedBytes === "number")
                                message.memoryUsedBytes = object.memoryUsedBytes;
                            else if (typeof object.memoryUsedBytes === "object")
                                message.memoryUsedBytes = new $util.LongBits(object.memoryUsedBytes.low >>> 0, object.memoryUsedBytes.high >>> 0).toNumber(true);
                    if (object.memoryFreeBytes != null)
                        if (typeof object.memoryFreeBytes === "object" ? object.memoryFreeBytes.low || object.memoryFreeBytes.high : $Number(object.memoryFreeBytes) !== 0)
                            if ($util.Long)
                                message.memoryFreeBytes = $util.Long.fromValue(object.memoryFreeBytes, true);
                            else if (typeof object.memoryFreeBytes === "string")
                                message.memoryFreeBytes = $parseInt(object.memoryFreeBytes, 10);
                            else if (typeof object.memoryFreeBytes === "number")
                                message.memoryFreeBytes = object.memoryFreeBytes;
                            else if (typeof object.memoryFreeBytes === "object")
                                message.memoryFreeBytes = new $util.LongBits(object.memoryFreeBytes.low >>> 0, object.memoryFreeBytes.high >>> 0).toNumber(true);
                    if (object.limits != null) {
                        if (!$util.isObject(object.limits))
                            throw $TypeError(".llorch.worker.v1.Hello.limits: object expected");
                        message.limits = $root.llorch.worker.v1.EngineLimits.fromObject(object.limits, _depth + 1);
                    }
                    if (object.pid != null)
                        if ($Number(object.pid) !== 0)
                            message.pid = object.pid >>> 0;
                    if (object.hasChatTemplate != null)
                        if (object.hasChatTemplate)
                            message.hasChatTemplate = $Boolean(object.hasChatTemplate);
                    return message;
                };

                /**
                 * Creates a plain object from a Hello message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.Hello
                 * @static
                 * @param {llorch.worker.v1.Hello} message Hello
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Hello.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.protocolVersion = 0;
                        object.modelName = "";
                        object.architecture = "";
                        object.modelContextLength = 0;
                        object.vocabSize = 0;
                        object.device = "";
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.memoryUsedBytes = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.memoryUsedBytes = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.memoryFreeBytes = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.memoryFreeBytes = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.limits = null;
                        object.pid = 0;
                        object.hasChatTemplate = false;
                    }
                    if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                        object.protocolVersion = message.protocolVersion;
                    if (message.modelName != null && $Object.hasOwnProperty.call(message, "modelName"))
                        object.modelName = message.modelName;
                    if (message.architecture != null && $Object.hasOwnProperty.call(message, "architecture"))
                        object.architecture = message.architecture;
                    if (message.modelContextLength != null && $Object.hasOwnProperty.call(message, "modelContextLength"))
                        object.modelContextLength = message.modelContextLength;
                    if (message.vocabSize != null && $Object.hasOwnProperty.call(message, "vocabSize"))
                        object.vocabSize = message.vocabSize;
                    if (message.device != null && $Object.hasOwnProperty.call(message, "device"))
                        object.device = message.device;
                    if (message.memoryUsedBytes != null && $Object.hasOwnProperty.call(message, "memoryUsedBytes"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.memoryUsedBytes = typeof message.memoryUsedBytes === "number" ? $BigInt(message.memoryUsedBytes) : $util.Long.fromBits(message.memoryUsedBytes.low >>> 0, message.memoryUsedBytes.high >>> 0, true).toBigInt();
                        else if (typeof message.memoryUsedBytes === "number")
                            object.memoryUsedBytes = options.longs === $String ? $String(message.memoryUsedBytes) : message.memoryUsedBytes;
                        else
                            object.memoryUsedBytes = options.longs === $String ? $util.Long.prototype.toString.call(message.memoryUsedBytes) : options.longs === $Number ? new $util.LongBits(message.memoryUsedBytes.low >>> 0, message.memoryUsedBytes.high >>> 0).toNumber(true) : message.memoryUsedBytes;
                    if (message.memoryFreeBytes != null && $Object.hasOwnProperty.call(message, "memoryFreeBytes"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.memoryFreeBytes = typeof message.memoryFreeBytes === "number" ? $BigInt(message.memoryFreeBytes) : $util.Long.fromBits(message.memoryFreeBytes.low >>> 0, message.memoryFreeBytes.high >>> 0, true).toBigInt();
                        else if (typeof message.memoryFreeBytes === "number")
                            object.memoryFreeBytes = options.longs === $String ? $String(message.memoryFreeBytes) : message.memoryFreeBytes;
                        else
                            object.memoryFreeBytes = options.longs === $String ? $util.Long.prototype.toString.call(message.memoryFreeBytes) : options.longs === $Number ? new $util.LongBits(message.memoryFreeBytes.low >>> 0, message.memoryFreeBytes.high >>> 0).toNumber(true) : message.memoryFreeBytes;
                    if (message.limits != null && $Object.hasOwnProperty.call(message, "limits"))
                        object.limits = $root.llorch.worker.v1.EngineLimits.toObject(message.limits, options, _depth + 1);
                    if (message.pid != null && $Object.hasOwnProperty.call(message, "pid"))
                        object.pid = message.pid;
                    if (message.hasChatTemplate != null && $Object.hasOwnProperty.call(message, "hasChatTemplate"))
                        object.hasChatTemplate = message.hasChatTemplate;
                    return object;
                };

                /**
                 * Converts this Hello to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.Hello
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Hello.prototype.toJSON = function() {
                    return Hello.toObject(this, $protobuf.util.toJSONOptions);
                };

                return Hello;
            })();

            v1.ChatMessage = (function() {

                /**
                 * Properties of a ChatMessage.
                 * @typedef {Object} llorch.worker.v1.ChatMessage.$Properties
                 * @property {string|null} [role] "system", "user", "assistant" or "tool".
                 * @property {string|null} [content] The message text.
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a ChatMessage.
                 * @memberof llorch.worker.v1
                 * @interface IChatMessage
                 * @augments llorch.worker.v1.ChatMessage.$Properties
                 * @deprecated Use llorch.worker.v1.ChatMessage.$Properties instead.
                 */

                /**
                 * Shape of a ChatMessage.
                 * @typedef {llorch.worker.v1.ChatMessage.$Properties} llorch.worker.v1.ChatMessage.$Shape
                 */

                /**
                 * Constructs a new ChatMessage.
                 * @memberof llorch.worker.v1
                 * @classdesc One message of a chat conversation.
                 * @constructor
                 * @param {llorch.worker.v1.ChatMessage.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const ChatMessage = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * "system", "user", "assistant" or "tool".
                 * @member {string} role
                 * @memberof llorch.worker.v1.ChatMessage
                 * @instance
                 */
                ChatMessage.prototype.role = "";

                /**
                 * The message text.
                 * @member {string} content
                 * @memberof llorch.worker.v1.ChatMessage
                 * @instance
                 */
                ChatMessage.prototype.content = "";

                /**
                 * Creates a new ChatMessage instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.ChatMessage
                 * @static
                 * @param {llorch.worker.v1.ChatMessage.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.ChatMessage} ChatMessage instance
                 * @type {{
                 *   (properties: llorch.worker.v1.ChatMessage.$Shape): llorch.worker.v1.ChatMessage & llorch.worker.v1.ChatMessage.$Shape;
                 *   (properties?: llorch.worker.v1.ChatMessage.$Properties): llorch.worker.v1.ChatMessage;
                 * }}
                 */
                ChatMessage.create = function(properties) {
                    return new ChatMessage(properties);
                };

                /**
                 * Encodes the specified ChatMessage message. Does not implicitly {@link llorch.worker.v1.ChatMessage.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.ChatMessage
                 * @static
                 * @param {llorch.worker.v1.ChatMessage.$Properties} message ChatMessage message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ChatMessage.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.role != null && $Object.hasOwnProperty.call(message, "role") && message.role !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.role);
                    if (message.content != null && $Object.hasOwnProperty.call(message, "content") && message.content !== "")
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.content);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a ChatMessage message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.ChatMessage
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.ChatMessage & llorch.worker.v1.ChatMessage.$Shape} ChatMessage
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ChatMessage.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.ChatMessage();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.role = value;
                                else
                                    delete message.role;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.content = value;
                                else
                                    delete message.content;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a ChatMessage message.
                 * @function verify
                 * @memberof llorch.worker.v1.ChatMessage
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                ChatMessage.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.role != null && $Object.hasOwnProperty.call(message, "role"))
                        if (!$util.isString(message.role))
                            return "role: string expected";
                    if (message.content != null && $Object.hasOwnProperty.call(message, "content"))
                        if (!$util.isString(message.content))
                            return "content: string expected";
                    return null;
                };

                /**
                 * Creates a ChatMessage message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.ChatMessage
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.ChatMessage} ChatMessage
                 */
                ChatMessage.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.ChatMessage)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.ChatMessage: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.llorch.worker.v1.ChatMessage();
                    if (object.role != null)
                        if (typeof object.role !== "string" || object.role.length)
                            message.role = $String(object.role);
                    if (object.content != null)
                        if (typeof object.content !== "string" || object.content.length)
                            message.content = $String(object.content);
                    return message;
                };

                /**
                 * Creates a plain object from a ChatMessage message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.ChatMessage
                 * @static
                 * @param {llorch.worker.v1.ChatMessage} message ChatMessage
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                ChatMessage.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.role = "";
                        object.content = "";
                    }
                    if (message.role != null && $Object.hasOwnProperty.call(message, "role"))
                        object.role = message.role;
                    if (message.content != null && $Object.hasOwnProperty.call(message, "content"))
                        object.content = message.content;
                    return object;
                };

                /**
                 * Converts this ChatMessage to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.ChatMessage
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                ChatMessage.prototype.toJSON = function() {
                    return ChatMessage.toObject(this, $protobuf.util.toJSONOptions);
                };

                return ChatMessage;
            })();

            v1.ChatMessages = (function() {

                /**
                 * Properties of a ChatMessages.
                 * @typedef {Object} llorch.worker.v1.ChatMessages.$Properties
                 * @property {Array.<llorch.worker.v1.ChatMessage.$Properties>|null} [messages] The conversation, oldest first; at least one message.
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a ChatMessages.
                 * @memberof llorch.worker.v1
                 * @interface IChatMessages
                 * @augments llorch.worker.v1.ChatMessages.$Properties
                 * @deprecated Use llorch.worker.v1.ChatMessages.$Properties instead.
                 */

                /**
                 * Shape of a ChatMessages.
                 * @typedef {llorch.worker.v1.ChatMessages.$Properties} llorch.worker.v1.ChatMessages.$Shape
                 */

                /**
                 * Constructs a new ChatMessages.
                 * @memberof llorch.worker.v1
                 * @classdesc A chat conversation, rendered through the model's chat template.
                 * @constructor
                 * @param {llorch.worker.v1.ChatMessages.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const ChatMessages = function (properties) {
                    this.messages = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * The conversation, oldest first; at least one message.
                 * @member {Array.<llorch.worker.v1.ChatMessage.$Properties>} messages
                 * @memberof llorch.worker.v1.ChatMessages
                 * @instance
                 */
                ChatMessages.prototype.messages = $util.emptyArray;

                /**
                 * Creates a new ChatMessages instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.ChatMessages
                 * @static
                 * @param {llorch.worker.v1.ChatMessages.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.ChatMessages} ChatMessages instance
                 * @type {{
                 *   (properties: llorch.worker.v1.ChatMessages.$Shape): llorch.worker.v1.ChatMessages & llorch.worker.v1.ChatMessages.$Shape;
                 *   (properties?: llorch.worker.v1.ChatMessages.$Properties): llorch.worker.v1.ChatMessages;
                 * }}
                 */
                ChatMessages.create = function(properties) {
                    return new ChatMessages(properties);
                };

                /**
                 * Encodes the specified ChatMessages message. Does not implicitly {@link llorch.worker.v1.ChatMessages.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.ChatMessages
                 * @static
                 * @param {llorch.worker.v1.ChatMessages.$Properties} message ChatMessages message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ChatMessages.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.messages != null && message.messages.length)
                        for (let i = 0; i < message.messages.length; ++i)
                            $root.llorch.worker.v1.ChatMessage.encode(message.messages[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a ChatMessages message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.ChatMessages
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.ChatMessages & llorch.worker.v1.ChatMessages.$Shape} ChatMessages
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ChatMessages.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.ChatMessages();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.messages && message.messages.length))
                                    message.messages = [];
                                message.messages.push($root.llorch.worker.v1.ChatMessage.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a ChatMessages message.
                 * @function verify
                 * @memberof llorch.worker.v1.ChatMessages
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                ChatMessages.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.messages != null && $Object.hasOwnProperty.call(message, "messages")) {
                        if (!$Array.isArray(message.messages))
                            return "messages: array expected";
                        for (let i = 0; i < message.messages.length; ++i) {
                            let error = $root.llorch.worker.v1.ChatMessage.verify(message.messages[i], _depth + 1);
                            if (error)
                                return "messages." + error;
                        }
                    }
                    return null;
                };

                /**
                 * Creates a ChatMessages message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.ChatMessages
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.ChatMessages} ChatMessages
                 */
                ChatMessages.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.ChatMessages)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.ChatMessages: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.llorch.worker.v1.ChatMessages();
                    if (object.messages) {
                        if (!$Array.isArray(object.messages))
                            throw $TypeError(".llorch.worker.v1.ChatMessages.messages: array expected");
                        message.messages = $Array(object.messages.length);
                        for (let i = 0; i < object.messages.length; ++i) {
                            if (!$util.isObject(object.messages[i]))
                                throw $TypeError(".llorch.worker.v1.ChatMessages.messages: object expected");
                            message.messages[i] = $root.llorch.worker.v1.ChatMessage.fromObject(object.messages[i], _depth + 1);
                        }
                    }
                    return message;
                };

                /**
                 * Creates a plain object from a ChatMessages message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.ChatMessages
                 * @static
                 * @param {llorch.worker.v1.ChatMessages} message ChatMessages
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                ChatMessages.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.arrays || options.defaults)
                        object.messages = [];
                    if (message.messages && message.messages.length) {
                        object.messages = $Array(message.messages.length);
                        for (let j = 0; j < message.messages.length; ++j)
                            object.messages[j] = $root.llorch.worker.v1.ChatMessage.toObject(message.messages[j], options, _depth + 1);
                    }
                    return object;
                };

                /**
                 * Converts this ChatMessages to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.ChatMessages
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                ChatMessages.prototype.toJSON = function() {
                    return ChatMessages.toObject(this, $protobuf.util.toJSONOptions);
                };

                return ChatMessages;
            })();

            v1.TokenIds = (function() {

                /**
                 * Properties of a TokenIds.
                 * @typedef {Object} llorch.worker.v1.TokenIds.$Properties
                 * @property {Array.<number>|null} [ids] Token ids, each below the vocabulary size; at least one.
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a TokenIds.
                 * @memberof llorch.worker.v1
                 * @interface ITokenIds
                 * @augments llorch.worker.v1.TokenIds.$Properties
                 * @deprecated Use llorch.worker.v1.TokenIds.$Properties instead.
                 */

                /**
                 * Shape of a TokenIds.
                 * @typedef {llorch.worker.v1.TokenIds.$Properties} llorch.worker.v1.TokenIds.$Shape
                 */

                /**
                 * Constructs a new TokenIds.
                 * @memberof llorch.worker.v1
                 * @classdesc A prompt given as token ids, used as they are (no template, no BOS added).
                 * @constructor
                 * @param {llorch.worker.v1.TokenIds.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const TokenIds = function (properties) {
                    this.ids = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Token ids, each below the vocabulary size; at least one.
                 * @member {Array.<number>} ids
                 * @memberof llorch.worker.v1.TokenIds
                 * @instance
                 */
                TokenIds.prototype.ids = $util.emptyArray;

                /**
                 * Creates a new TokenIds instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.TokenIds
                 * @static
                 * @param {llorch.worker.v1.TokenIds.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.TokenIds} TokenIds instance
                 * @type {{
                 *   (properties: llorch.worker.v1.TokenIds.$Shape): llorch.worker.v1.TokenIds & llorch.worker.v1.TokenIds.$Shape;
                 *   (properties?: llorch.worker.v1.TokenIds.$Properties): llorch.worker.v1.TokenIds;
                 * }}
                 */
                TokenIds.create = function(properties) {
                    return new TokenIds(properties);
                };

                /**
                 * Encodes the specified TokenIds message. Does not implicitly {@link llorch.worker.v1.TokenIds.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.TokenIds
                 * @static
                 * @param {llorch.worker.v1.TokenIds.$Properties} message TokenIds message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                TokenIds.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.ids != null && message.ids.length)
                        writer.uint32(/* id 1, wireType 2 =*/10).uint32s(message.ids);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a TokenIds message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.TokenIds
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.TokenIds & llorch.worker.v1.TokenIds.$Shape} TokenIds
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                TokenIds.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.TokenIds();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType === 2) {
                                    if (!(message.ids && message.ids.length))
                                        message.ids = [];
                                    reader.uint32s(message.ids);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.ids && message.ids.length))
                                    message.ids = [];
                                message.ids.push(reader.uint32());
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a TokenIds message.
                 * @function verify
                 * @memberof llorch.worker.v1.TokenIds
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                TokenIds.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.ids != null && $Object.hasOwnProperty.call(message, "ids")) {
                        if (!$Array.isArray(message.ids))
                            return "ids: array expected";
                        for (let i = 0; i < message.ids.length; ++i)
                            if (!$util.isInteger(message.ids[i]))
                                return "ids: integer[] expected";
                    }
                    return null;
                };

                /**
                 * Creates a TokenIds message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.TokenIds
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.TokenIds} TokenIds
                 */
                TokenIds.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.TokenIds)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.TokenIds: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.llorch.worker.v1.TokenIds();
                    if (object.ids) {
                        if (!$Array.isArray(object.ids))
                            throw $TypeError(".llorch.worker.v1.TokenIds.ids: array expected");
                        message.ids = $Array(object.ids.length);
                        for (let i = 0; i < object.ids.length; ++i)
                            message.ids[i] = object.ids[i] >>> 0;
                    }
                    return message;
                };

                /**
                 * Creates a plain object from a TokenIds message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.TokenIds
                 * @static
                 * @param {llorch.worker.v1.TokenIds} message TokenIds
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                TokenIds.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.arrays || options.defaults)
                        object.ids = [];
                    if (message.ids && message.ids.length) {
                        object.ids = $Array(message.ids.length);
                        for (let j = 0; j < message.ids.length; ++j)
                            object.ids[j] = message.ids[j];
                    }
                    return object;
                };

                /**
                 * Converts this TokenIds to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.TokenIds
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                TokenIds.prototype.toJSON = function() {
                    return TokenIds.toObject(this, $protobuf.util.toJSONOptions);
                };

                return TokenIds;
            })();

            v1.LogitBias = (function() {

                /**
                 * Properties of a LogitBias.
                 * @typedef {Object} llorch.worker.v1.LogitBias.$Properties
                 * @property {number|null} [token] The token id.
                 * @property {number|null} [bias] Added to the token's logit before sampling; -100 or less effectively bans it.
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a LogitBias.
                 * @memberof llorch.worker.v1
                 * @interface ILogitBias
                 * @augments llorch.worker.v1.LogitBias.$Properties
                 * @deprecated Use llorch.worker.v1.LogitBias.$Properties instead.
                 */

                /**
                 * Shape of a LogitBias.
                 * @typedef {llorch.worker.v1.LogitBias.$Properties} llorch.worker.v1.LogitBias.$Shape
                 */

                /**
                 * Constructs a new LogitBias.
                 * @memberof llorch.worker.v1
                 * @classdesc An additive bias on one token's logit.
                 * @constructor
                 * @param {llorch.worker.v1.LogitBias.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const LogitBias = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * The token id.
                 * @member {number} token
                 * @memberof llorch.worker.v1.LogitBias
                 * @instance
                 */
                LogitBias.prototype.token = 0;

                /**
                 * Added to the token's logit before sampling; -100 or less effectively bans it.
                 * @member {number} bias
                 * @memberof llorch.worker.v1.LogitBias
                 * @instance
                 */
                LogitBias.prototype.bias = 0;

                /**
                 * Creates a new LogitBias instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.LogitBias
                 * @static
                 * @param {llorch.worker.v1.LogitBias.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.LogitBias} LogitBias instance
                 * @type {{
                 *   (properties: llorch.worker.v1.LogitBias.$Shape): llorch.worker.v1.LogitBias & llorch.worker.v1.LogitBias.$Shape;
                 *   (properties?: llorch.worker.v1.LogitBias.$Properties): llorch.worker.v1.LogitBias;
                 * }}
                 */
                LogitBias.create = function(properties) {
                    return new LogitBias(properties);
                };

                /**
                 * Encodes the specified LogitBias message. Does not implicitly {@link llorch.worker.v1.LogitBias.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.LogitBias
                 * @static
                 * @param {llorch.worker.v1.LogitBias.$Properties} message LogitBias message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                LogitBias.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.token != null && $Object.hasOwnProperty.call(message, "token") && message.token !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.token);
                    if (message.bias != null && $Object.hasOwnProperty.call(message, "bias") && !$Object.is(message.bias, 0))
                        writer.uint32(/* id 2, wireType 5 =*/21).float(message.bias);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a LogitBias message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.LogitBias
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.LogitBias & llorch.worker.v1.LogitBias.$Shape} LogitBias
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                LogitBias.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.LogitBias();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.token = value;
                                else
                                    delete message.token;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 5)
                                    break;
                                if (!$Object.is(value = reader.float(), 0))
                                    message.bias = value;
                                else
                                    delete message.bias;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a LogitBias message.
                 * @function verify
                 * @memberof llorch.worker.v1.LogitBias
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                LogitBias.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.token != null && $Object.hasOwnProperty.call(message, "token"))
                        if (!$util.isInteger(message.token))
                            return "token: integer expected";
                    if (message.bias != null && $Object.hasOwnProperty.call(message, "bias"))
                        if (typeof message.bias !== "number")
                            return "bias: number expected";
                    return null;
                };

                /**
                 * Creates a LogitBias message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.LogitBias
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.LogitBias} LogitBias
                 */
                LogitBias.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.LogitBias)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.LogitBias: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.llorch.worker.v1.LogitBias();
                    if (object.token != null)
                        if ($Number(object.token) !== 0)
                            message.token = object.token >>> 0;
                    if (object.bias != null)
                        if (!$Object.is($Number(object.bias), 0))
                            message.bias = $Number(object.bias);
                    return message;
                };

                /**
                 * Creates a plain object from a LogitBias message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.LogitBias
                 * @static
                 * @param {llorch.worker.v1.LogitBias} message LogitBias
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                LogitBias.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.token = 0;
                        object.bias = 0;
                    }
                    if (message.token != null && $Object.hasOwnProperty.call(message, "token"))
                        object.token = message.token;
                    if (message.bias != null && $Object.hasOwnProperty.call(message, "bias"))
                        object.bias = options.json && !$isFinite(message.bias) ? $String(message.bias) : message.bias;
                    return object;
                };

                /**
                 * Converts this LogitBias to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.LogitBias
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                LogitBias.prototype.toJSON = function() {
                    return LogitBias.toObject(this, $protobuf.util.toJSONOptions);
                };

                return LogitBias;
            })();

            v1.SamplingParams = (function() {

                /**
                 * Properties of a SamplingParams.
                 * @typedef {Object} llorch.worker.v1.SamplingParams.$Properties
                 * @property {number|null} [temperature] Softmax temperature, >= 0; 0 means greedy (argmax). Default 1.
                 * @property {number|null} [topK] Keep only the k most likely tokens; 0 = off. Default 0.
                 * @property {number|null} [topP] Nucleus sampling: keep the smallest set of tokens whose probability reaches p, in (0, 1].
                 * Default 1 (off).
                 * @property {number|null} [minP] Drop tokens less likely than min_p times the most likely one, in [0, 1]. Default 0 (off).
                 * @property {number|null} [repetitionPenalty] Multiplicative penalty on tokens seen in the penalty window, > 0. Default 1 (off).
                 * @property {number|null} [presencePenalty] Subtracted once from the logit of every token seen in the window, in [-2, 2]. Default 0.
                 * @property {number|null} [frequencyPenalty] Subtracted per occurrence from the logit of tokens seen in the window, in [-2, 2].
                 * Default 0.
                 * @property {number|null} [penaltyLastN] Tokens the penalties look back over; -1 = the whole sequence. Default 64.
                 * @property {Array.<llorch.worker.v1.LogitBias.$Properties>|null} [logitBias] Per-token logit biases.
                 * @property {number|null} [seed] RNG seed; with the same seed and prompt the same tokens are drawn, including after a
                 * resume. Default: a random seed chosen by the worker.
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a SamplingParams.
                 * @memberof llorch.worker.v1
                 * @interface ISamplingParams
                 * @augments llorch.worker.v1.SamplingParams.$Properties
                 * @deprecated Use llorch.worker.v1.SamplingParams.$Properties instead.
                 */

                /**
                 * Shape of a SamplingParams.
                 * @typedef {llorch.worker.v1.SamplingParams.$Properties} llorch.worker.v1.SamplingParams.$Shape
                 */

                /**
                 * Constructs a new SamplingParams.
                 * @memberof llorch.worker.v1
                 * @classdesc How tokens are drawn. Every field is optional: an absent field takes the default named in
                 * its comment. Out-of-range values fail the job with WORKER_ERR_INVALID_PARAMS.
                 * @constructor
                 * @param {llorch.worker.v1.SamplingParams.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const SamplingParams = function (properties) {
                    this.logitBias = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Softmax temperature, >= 0; 0 means greedy (argmax). Default 1.
                 * @member {number|null|undefined} temperature
                 * @memberof llorch.worker.v1.SamplingParams
                 * @instance
                 */
                SamplingParams.prototype.temperature = null;

                /**
                 * Keep only the k most likely tokens; 0 = off. Default 0.
                 * @member {number|null|undefined} topK
                 * @memberof llorch.worker.v1.SamplingParams
                 * @instance
                 */
                SamplingParams.prototype.topK = null;

                /**
                 * Nucleus sampling: keep the smallest set of tokens whose probability reaches p, in (0, 1].
                 * Default 1 (off).
                 * @member {number|null|undefined} topP
                 * @memberof llorch.worker.v1.SamplingParams
                 * @instance
                 */
                SamplingParams.prototype.topP = null;

                /**
                 * Drop tokens less likely than min_p times the most likely one, in [0, 1]. Default 0 (off).
                 * @member {number|null|undefined} minP
                 * @memberof llorch.worker.v1.SamplingParams
                 * @instance
                 */
                SamplingParams.prototype.minP = null;

                /**
                 * Multiplicative penalty on tokens seen in the penalty window, > 0. Default 1 (off).
                 * @member {number|null|undefined} repetitionPenalty
                 * @memberof llorch.worker.v1.SamplingParams
                 * @instance
                 */
                SamplingParams.prototype.repetitionPenalty = null;

                /**
                 * Subtracted once from the logit of every token seen in the window, in [-2, 2]. Default 0.
                 * @member {number|null|undefined} presencePenalty
                 * @memberof llorch.worker.v1.SamplingParams
                 * @instance
                 */
                SamplingParams.prototype.presencePenalty = null;

                /**
                 * Subtracted per occurrence from the logit of tokens seen in the window, in [-2, 2].
                 * Default 0.
                 * @member {number|null|undefined} frequencyPenalty
                 * @memberof llorch.worker.v1.SamplingParams
                 * @instance
                 */
                SamplingParams.prototype.frequencyPenalty = null;

                /**
                 * Tokens the penalties look back over; -1 = the whole sequence. Default 64.
                 * @member {number|null|undefined} penaltyLastN
                 * @memberof llorch.worker.v1.SamplingParams
                 * @instance
                 */
                SamplingParams.prototype.penaltyLastN = null;

                /**
                 * Per-token logit biases.
                 * @member {Array.<llorch.worker.v1.LogitBias.$Properties>} logitBias
                 * @memberof llorch.worker.v1.SamplingParams
                 * @instance
                 */
                SamplingParams.prototype.logitBias = $util.emptyArray;

                /**
                 * RNG seed; with the same seed and prompt the same tokens are drawn, including after a
                 * resume. Default: a random seed chosen by the worker.
                 * @member {number|null|undefined} seed
                 * @memberof llorch.worker.v1.SamplingParams
                 * @instance
                 */
                SamplingParams.prototype.seed = null;

                // OneOf field names bound to virtual getters and setters
                let $oneOfFields;

                // Virtual OneOf for proto3 optional field
                $Object.defineProperty(SamplingParams.prototype, "_temperature", {
                    get: $util.oneOfGetter($oneOfFields = ["temperature"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                // Virtual OneOf for proto3 optional field
                $Object.defineProperty(SamplingParams.prototype, "_topK", {
                    get: $util.oneOfGetter($oneOfFields = ["topK"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                // Virtual OneOf for proto3 optional field
                $Object.defineProperty(SamplingParams.prototype, "_topP", {
                    get: $util.oneOfGetter($oneOfFields = ["topP"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                // Virtual OneOf for proto3 optional field
                $Object.defineProperty(SamplingParams.prototype, "_minP", {
                    get: $util.oneOfGetter($oneOfFields = ["minP"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                // Virtual OneOf for proto3 optional field
                $Object.defineProperty(SamplingParams.prototype, "_repetitionPenalty", {
                    get: $util.oneOfGetter($oneOfFields = ["repetitionPenalty"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                // Virtual OneOf for proto3 optional field
                $Object.defineProperty(SamplingParams.prototype, "_presencePenalty", {
                    get: $util.oneOfGetter($oneOfFields = ["presencePenalty"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                // Virtual OneOf for proto3 optional field
                $Object.defineProperty(SamplingParams.prototype, "_frequencyPenalty", {
                    get: $util.oneOfGetter($oneOfFields = ["frequencyPenalty"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                // Virtual OneOf for proto3 optional field
                $Object.defineProperty(SamplingParams.prototype, "_penaltyLastN", {
                    get: $util.oneOfGetter($oneOfFields = ["penaltyLastN"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                // Virtual OneOf for proto3 optional field
                $Object.defineProperty(SamplingParams.prototype, "_seed", {
                    get: $util.oneOfGetter($oneOfFields = ["seed"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                /**
                 * Creates a new SamplingParams instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.SamplingParams
                 * @static
                 * @param {llorch.worker.v1.SamplingParams.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.SamplingParams} SamplingParams instance
                 * @type {{
                 *   (properties: llorch.worker.v1.SamplingParams.$Shape): llorch.worker.v1.SamplingParams & llorch.worker.v1.SamplingParams.$Shape;
                 *   (properties?: llorch.worker.v1.SamplingParams.$Properties): llorch.worker.v1.SamplingParams;
                 * }}
                 */
                SamplingParams.create = function(properties) {
                    return new SamplingParams(properties);
                };

                /**
                 * Encodes the specified SamplingParams message. Does not implicitly {@link llorch.worker.v1.SamplingParams.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.SamplingParams
                 * @static
                 * @param {llorch.worker.v1.SamplingParams.$Properties} message SamplingParams message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                SamplingParams.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.temperature != null && $Object.hasOwnProperty.call(message, "temperature"))
                        writer.uint32(/* id 1, wireType 5 =*/13).float(message.temperature);
                    if (message.topK != null && $Object.hasOwnProperty.call(message, "topK"))
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.topK);
                    if (message.topP != null && $Object.hasOwnProperty.call(message, "topP"))
                        writer.uint32(/* id 3, wireType 5 =*/29).float(message.topP);
                    if (message.minP != null && $Object.hasOwnProperty.call(message, "minP"))
                        writer.uint32(/* id 4, wireType 5 =*/37).float(message.minP);
                    if (message.repetitionPenalty != null && $Object.hasOwnProperty.call(message, "repetitionPenalty"))
                        writer.uint32(/* id 5, wireType 5 =*/45).float(message.repetitionPenalty);
                    if (message.presencePenalty != null && $Object.hasOwnProperty.call(message, "presencePenalty"))
                        writer.uint32(/* id 6, wireType 5 =*/53).float(message.presencePenalty);
                    if (message.frequencyPenalty != null && $Object.hasOwnProperty.call(message, "frequencyPenalty"))
                        writer.uint32(/* id 7, wireType 5 =*/61).float(message.frequencyPenalty);
                    if (message.penaltyLastN != null && $Object.hasOwnProperty.call(message, "penaltyLastN"))
                        writer.uint32(/* id 8, wireType 0 =*/64).int32(message.penaltyLastN);
                    if (message.logitBias != null && message.logitBias.length)
                        for (let i = 0; i < message.logitBias.length; ++i)
                            $root.llorch.worker.v1.LogitBias.encode(message.logitBias[i], writer.uint32(/* id 9, wireType 2 =*/74).fork(), _depth + 1).ldelim();
                    if (message.seed != null && $Object.hasOwnProperty.call(message, "seed"))
                        writer.uint32(/* id 10, wireType 0 =*/80).uint64(message.seed);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a SamplingParams message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.SamplingParams
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.SamplingParams & llorch.worker.v1.SamplingParams.$Shape} SamplingParams
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                SamplingParams.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.SamplingParams();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 5)
                                    break;
                                message.temperature = reader.float();
                                message._temperature = "temperature";
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                message.topK = reader.uint32();
                                message._topK = "topK";
                                continue;
                            }
                        case 3: {
                                if (wireType !== 5)
                                    break;
                                message.topP = reader.float();
                                message._topP = "topP";
                                continue;
                            }
                        case 4: {
                                if (wireType !== 5)
                                    break;
                                message.minP = reader.float();
                                message._minP = "minP";
                                continue;
                            }
                        case 5: {
                                if (wireType !== 5)
                                    break;
                                message.repetitionPenalty = reader.float();
                                message._repetitionPenalty = "repetitionPenalty";
                                continue;
                            }
                        case 6: {
                                if (wireType !== 5)
                                    break;
                                message.presencePenalty = reader.float();
                                message._presencePenalty = "presencePenalty";
                                continue;
                            }
                        case 7: {
                                if (wireType !== 5)
                                    break;
                                message.frequencyPenalty = reader.float();
                                message._frequencyPenalty = "frequencyPenalty";
                                continue;
                            }
                        case 8: {
                                if (wireType !== 0)
                                    break;
                                message.penaltyLastN = reader.int32();
                                message._penaltyLastN = "penaltyLastN";
                                continue;
                            }
                        case 9: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.logitBias && message.logitBias.length))
                                    message.logitBias = [];
                                message.logitBias.push($root.llorch.worker.v1.LogitBias.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 10: {
                                if (wireType !== 0)
                                    break;
                                message.seed = reader.uint64();
                                message._seed = "seed";
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a SamplingParams message.
                 * @function verify
                 * @memberof llorch.worker.v1.SamplingParams
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                SamplingParams.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    let properties = {};
                    if (message.temperature != null && $Object.hasOwnProperty.call(message, "temperature")) {
                        properties._temperature = 1;
                        if (typeof message.temperature !== "number")
                            return "temperature: number expected";
                    }
                    if (message.topK != null && $Object.hasOwnProperty.call(message, "topK")) {
                        properties._topK = 1;
                        if (!$util.isInteger(message.topK))
                            return "topK: integer expected";
                    }
                    if (message.topP != null && $Object.hasOwnProperty.call(message, "topP")) {
                        properties._topP = 1;
                        if (typeof message.topP !== "number")
                            return "topP: number expected";
                    }
                    if (message.minP != null && $Object.hasOwnProperty.call(message, "minP")) {
                        properties._minP = 1;
                        if (typeof message.minP !== "number")
                            return "minP: number expected";
                    }
                    if (message.repetitionPenalty != null && $Object.hasOwnProperty.call(message, "repetitionPenalty")) {
                        properties._repetitionPenalty = 1;
                        if (typeof message.repetitionPenalty !== "number")
                            return "repetitionPenalty: number expected";
                    }
                    if (message.presencePenalty != null && $Object.hasOwnProperty.call(message, "presencePenalty")) {
                        properties._presencePenalty = 1;
                        if (typeof message.presencePenalty !== "number")
                            return "presencePenalty: number expected";
                    }
                    if (message.frequencyPenalty != null && $Object.hasOwnProperty.call(message, "frequencyPenalty")) {
                        properties._frequencyPenalty = 1;
                        if (typeof message.frequencyPenalty !== "number")
                            return "frequencyPenalty: number expected";
                    }
                    if (message.penaltyLastN != null && $Object.hasOwnProperty.call(message, "penaltyLastN")) {
                        properties._penaltyLastN = 1;
                        if (!$util.isInteger(message.penaltyLastN))
                            return "penaltyLastN: integer expected";
                    }
                    if (message.logitBias != null && $Object.hasOwnProperty.call(message, "logitBias")) {
                        if (!$Array.isArray(message.logitBias))
                            return "logitBias: array expected";
                        for (let i = 0; i < message.logitBias.length; ++i) {
                            let error = $root.llorch.worker.v1.LogitBias.verify(message.logitBias[i], _depth + 1);
                            if (error)
                                return "logitBias." + error;
                        }
                    }
                    if (message.seed != null && $Object.hasOwnProperty.call(message, "seed")) {
                        properties._seed = 1;
                        if (!$util.isInteger(message.seed) && !(message.seed && $util.isInteger(message.seed.low) && $util.isInteger(message.seed.high)))
                            return "seed: integer|Long expected";
                    }
                    return null;
                };

                /**
                 * Creates a SamplingParams message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.SamplingParams
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.SamplingParams} SamplingParams
                 */
                SamplingParams.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.SamplingParams)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.SamplingParams: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.llorch.worker.v1.SamplingParams();
                    if (object.temperature != null)
                        message.temperature = $Number(object.temperature);
                    if (object.topK != null)
                        message.topK = object.topK >>> 0;
                    if (object.topP != null)
                        message.topP = $Number(object.topP);
                    if (object.minP != null)
                        message.minP = $Number(object.minP);
                    if (object.repetitionPenalty != null)
                        message.repetitionPenalty = $Number(object.repetitionPenalty);
                    if (object.presencePenalty != null)
                        message.presencePenalty = $Number(object.presencePenalty);
                    if (object.frequencyPenalty != null)
                        message.frequencyPenalty = $Number(object.frequencyPenalty);
                    if (object.penaltyLastN != null)
                        message.penaltyLastN = object.penaltyLastN | 0;
                    if (object.logitBias) {
                        if (!$Array.isArray(object.logitBias))
                            throw $TypeError(".llorch.worker.v1.SamplingParams.logitBias: array expected");
                        message.logitBias = $Array(object.logitBias.length);
                        for (let i = 0; i < object.logitBias.length; ++i) {
                            if (!$util.isObject(object.logitBias[i]))
                                throw $TypeError(".llorch.worker.v1.SamplingParams.logitBias: object expected");
                            message.logitBias[i] = $root.llorch.worker.v1.LogitBias.fromObject(object.logitBias[i], _depth + 1);
                        }
                    }
                    if (object.seed != null)
                        if ($util.Long)
                            message.seed = $util.Long.fromValue(object.seed, true);
                        else if (typeof object.seed === "string")
                            message.seed = $parseInt(object.seed, 10);
                        else if (typeof object.seed === "number")
                            message.seed = object.seed;
                        else if (typeof object.seed === "object")
                            message.seed = new $util.LongBits(object.seed.low >>> 0, object.seed.high >>> 0).toNumber(true);
                    return message;
                };

                /**
                 * Creates a plain object from a SamplingParams message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.SamplingParams
                 * @static
                 * @param {llorch.worker.v1.SamplingParams} message SamplingParams
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                SamplingParams.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.arrays || options.defaults)
                        object.logitBias = [];
                    if (message.temperature != null && $Object.hasOwnProperty.call(message, "temperature"))
                        object.temperature = options.json && !$isFinite(message.temperature) ? $String(message.temperature) : message.temperature;
                    if (message.topK != null && $Object.hasOwnProperty.call(message, "topK"))
                        object.topK = message.topK;
                    if (message.topP != null && $Object.hasOwnProperty.call(message, "topP"))
                        object.topP = options.json && !$isFinite(message.topP) ? $String(message.topP) : message.topP;
                    if (message.minP != null && $Object.hasOwnProperty.call(message, "minP"))
                        object.minP = options.json && !$isFinite(message.minP) ? $String(message.minP) : message.minP;
                    if (message.repetitionPenalty != null && $Object.hasOwnProperty.call(message, "repetitionPenalty"))
                        object.repetitionPenalty = options.json && !$isFinite(message.repetitionPenalty) ? $String(message.repetitionPenalty) : message.repetitionPenalty;
                    if (message.presencePenalty != null && $Object.hasOwnProperty.call(message, "presencePenalty"))
                        object.presencePenalty = options.json && !$isFinite(message.presencePenalty) ? $String(message.presencePenalty) : message.presencePenalty;
                    if (message.frequencyPenalty != null && $Object.hasOwnProperty.call(message, "frequencyPenalty"))
                        object.frequencyPenalty = options.json && !$isFinite(message.frequencyPenalty) ? $String(message.frequencyPenalty) : message.frequencyPenalty;
                    if (message.penaltyLastN != null && $Object.hasOwnProperty.call(message, "penaltyLastN"))
                        object.penaltyLastN = message.penaltyLastN;
                    if (message.logitBias && message.logitBias.length) {
                        object.logitBias = $Array(message.logitBias.length);
                        for (let j = 0; j < message.logitBias.length; ++j)
                            object.logitBias[j] = $root.llorch.worker.v1.LogitBias.toObject(message.logitBias[j], options, _depth + 1);
                    }
                    if (message.seed != null && $Object.hasOwnProperty.call(message, "seed"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.seed = typeof message.seed === "number" ? $BigInt(message.seed) : $util.Long.fromBits(message.seed.low >>> 0, message.seed.high >>> 0, true).toBigInt();
                        else if (typeof message.seed === "number")
                            object.seed = options.longs === $String ? $String(message.seed) : message.seed;
                        else
                            object.seed = options.longs === $String ? $util.Long.prototype.toString.call(message.seed) : options.longs === $Number ? new $util.LongBits(message.seed.low >>> 0, message.seed.high >>> 0).toNumber(true) : message.seed;
                    return object;
                };

                /**
                 * Converts this SamplingParams to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.SamplingParams
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                SamplingParams.prototype.toJSON = function() {
                    return SamplingParams.toObject(this, $protobuf.util.toJSONOptions);
                };

                return SamplingParams;
            })();

            v1.StopParams = (function() {

                /**
                 * Properties of a StopParams.
                 * @typedef {Object} llorch.worker.v1.StopParams.$Properties
                 * @property {number|null} [maxTokens] Maximum generated tokens, counting resume_tokens; 0 = until the context is full.
                 * @property {Array.<string>|null} [stop] Strings that end generation when they appear in the output; the matched string and
                 * anything after it are not emitted. At most 16, each 1..256 bytes.
                 * @property {Array.<number>|null} [stopTokenIds] Extra token ids that end generation (like EOS, they are not emitted as text).
                 * @property {boolean|null} [ignoreEos] Keep generating past the model's end-of-sequence tokens.
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a StopParams.
                 * @memberof llorch.worker.v1
                 * @interface IStopParams
                 * @augments llorch.worker.v1.StopParams.$Properties
                 * @deprecated Use llorch.worker.v1.StopParams.$Properties instead.
                 */

                /**
                 * Shape of a StopParams.
                 * @typedef {llorch.worker.v1.StopParams.$Properties} llorch.worker.v1.StopParams.$Shape
                 */

                /**
                 * Constructs a new StopParams.
                 * @memberof llorch.worker.v1
                 * @classdesc When generation stops, besides the model's end-of-sequence tokens.
                 * @constructor
                 * @param {llorch.worker.v1.StopParams.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const StopParams = function (properties) {
                    this.stop = [];
                    this.stopTokenIds = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Maximum generated tokens, counting resume_tokens; 0 = until the context is full.
                 * @member {number} maxTokens
                 * @memberof llorch.worker.v1.StopParams
                 * @instance
                 */
                StopParams.prototype.maxTokens = 0;

                /**
                 * Strings that end generation when they appear in the output; the matched string and
                 * anything after it are not emitted. At most 16, each 1..256 bytes.
                 * @member {Array.<string>} stop
                 * @memberof llorch.worker.v1.StopParams
                 * @instance
                 */
                StopParams.prototype.stop = $util.emptyArray;

                /**
                 * Extra token ids that end generation (like EOS, they are not emitted as text).
                 * @member {Array.<number>} stopTokenIds
                 * @memberof llorch.worker.v1.StopParams
                 * @instance
                 */
                StopParams.prototype.stopTokenIds = $util.emptyArray;

                /**
                 * Keep generating past the model's end-of-sequence tokens.
                 * @member {boolean} ignoreEos
                 * @memberof llorch.worker.v1.StopParams
                 * @instance
                 */
                StopParams.prototype.ignoreEos = false;

                /**
                 * Creates a new StopParams instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.StopParams
                 * @static
                 * @param {llorch.worker.v1.StopParams.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.StopParams} StopParams instance
                 * @type {{
                 *   (properties: llorch.worker.v1.StopParams.$Shape): llorch.worker.v1.StopParams & llorch.worker.v1.StopParams.$Shape;
                 *   (properties?: llorch.worker.v1.StopParams.$Properties): llorch.worker.v1.StopParams;
                 * }}
                 */
                StopParams.create = function(properties) {
                    return new StopParams(properties);
                };

                /**
                 * Encodes the specified StopParams message. Does not implicitly {@link llorch.worker.v1.StopParams.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.StopParams
                 * @static
                 * @param {llorch.worker.v1.StopParams.$Properties} message StopParams message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                StopParams.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.maxTokens != null && $Object.hasOwnProperty.call(message, "maxTokens") && message.maxTokens !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.maxTokens);
                    if (message.stop != null && message.stop.length)
                        for (let i = 0; i < message.stop.length; ++i)
                            writer.uint32(/* id 2, wireType 2 =*/18).string(message.stop[i]);
                    if (message.stopTokenIds != null && message.stopTokenIds.length)
                        writer.uint32(/* id 3, wireType 2 =*/26).uint32s(message.stopTokenIds);
                    if (message.ignoreEos != null && $Object.hasOwnProperty.call(message, "ignoreEos") && message.ignoreEos !== false)
                        writer.uint32(/* id 4, wireType 0 =*/32).bool(message.ignoreEos);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a StopParams message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.StopParams
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.StopParams & llorch.worker.v1.StopParams.$Shape} StopParams
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                StopParams.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.StopParams();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.maxTokens = value;
                                else
                                    delete message.maxTokens;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.stop && message.stop.length))
                                    message.stop = [];
                                message.stop.push(reader.stringVerify());
                                continue;
                            }
                        case 3: {
                                if (wireType === 2) {
                                    if (!(message.stopTokenIds && message.stopTokenIds.length))
                                        message.stopTokenIds = [];
                                    reader.uint32s(message.stopTokenIds);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.stopTokenIds && message.stopTokenIds.length))
                                    message.stopTokenIds = [];
                                message.stopTokenIds.push(reader.uint32());
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.ignoreEos = value;
                                else
                                    delete message.ignoreEos;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a StopParams message.
                 * @function verify
                 * @memberof llorch.worker.v1.StopParams
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                StopParams.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.maxTokens != null && $Object.hasOwnProperty.call(message, "maxTokens"))
                        if (!$util.isInteger(message.maxTokens))
                            return "maxTokens: integer expected";
                    if (message.stop != null && $Object.hasOwnProperty.call(message, "stop")) {
                        if (!$Array.isArray(message.stop))
                            return "stop: array expected";
                        for (let i = 0; i < message.stop.length; ++i)
                            if (!$util.isString(message.stop[i]))
                                return "stop: string[] expected";
                    }
                    if (message.stopTokenIds != null && $Object.hasOwnProperty.call(message, "stopTokenIds")) {
                        if (!$Array.isArray(message.stopTokenIds))
                            return "stopTokenIds: array expected";
                        for (let i = 0; i < message.stopTokenIds.length; ++i)
                            if (!$util.isInteger(message.stopTokenIds[i]))
                                return "stopTokenIds: integer[] expected";
                    }
                    if (message.ignoreEos != null && $Object.hasOwnProperty.call(message, "ignoreEos"))
                        if (typeof message.ignoreEos !== "boolean")
                            return "ignoreEos: boolean expected";
                    return null;
                };

                /**
                 * Creates a StopParams message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.StopParams
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.StopParams} StopParams
                 */
                StopParams.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.StopParams)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.StopParams: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.llorch.worker.v1.StopParams();
                    if (object.maxTokens != null)
                        if ($Number(object.maxTokens) !== 0)
                            message.maxTokens = object.maxTokens >>> 0;
                    if (object.stop) {
                        if (!$Array.isArray(object.stop))
                            throw $TypeError(".llorch.worker.v1.StopParams.stop: array expected");
                        message.stop = $Array(object.stop.length);
                        for (let i = 0; i < object.stop.length; ++i)
                            message.stop[i] = $String(object.stop[i]);
                    }
                    if (object.stopTokenIds) {
                        if (!$Array.isArray(object.stopTokenIds))
                            throw $TypeError(".llorch.worker.v1.StopParams.stopTokenIds: array expected");
                        message.stopTokenIds = $Array(object.stopTokenIds.length);
                        for (let i = 0; i < object.stopTokenIds.length; ++i)
                            message.stopTokenIds[i] = object.stopTokenIds[i] >>> 0;
                    }
                    if (object.ignoreEos != null)
                        if (object.ignoreEos)
                            message.ignoreEos = $Boolean(object.ignoreEos);
                    return message;
                };

                /**
                 * Creates a plain object from a StopParams message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.StopParams
                 * @static
                 * @param {llorch.worker.v1.StopParams} message StopParams
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                StopParams.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.arrays || options.defaults) {
                        object.stop = [];
                        object.stopTokenIds = [];
                    }
                    if (options.defaults) {
                        object.maxTokens = 0;
                        object.ignoreEos = false;
                    }
                    if (message.maxTokens != null && $Object.hasOwnProperty.call(message, "maxTokens"))
                        object.maxTokens = message.maxTokens;
                    if (message.stop && message.stop.length) {
                        object.stop = $Array(message.stop.length);
                        for (let j = 0; j < message.stop.length; ++j)
                            object.stop[j] = message.stop[j];
                    }
                    if (message.stopTokenIds && message.stopTokenIds.length) {
                        object.stopTokenIds = $Array(message.stopTokenIds.length);
                        for (let j = 0; j < message.stopTokenIds.length; ++j)
                            object.stopTokenIds[j] = message.stopTokenIds[j];
                    }
                    if (message.ignoreEos != null && $Object.hasOwnProperty.call(message, "ignoreEos"))
                        object.ignoreEos = message.ignoreEos;
                    return object;
                };

                /**
                 * Converts this StopParams to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.StopParams
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                StopParams.prototype.toJSON = function() {
                    return StopParams.toObject(this, $protobuf.util.toJSONOptions);
                };

                return StopParams;
            })();

            v1.Submit = (function() {

                /**
                 * Properties of a Submit.
                 * @typedef {Object} llorch.worker.v1.Submit.$Properties
                 * @property {string|null} [jobId] Orchestrator-assigned job id, unique among this worker's live jobs; 1..128 bytes.
                 * @property {string|null} [prompt] Raw prompt text, tokenized as is (BOS added when the tokenizer adds one).
                 * @property {llorch.worker.v1.ChatMessages.$Properties|null} [chat] Chat messages, rendered through the model's chat template.
                 * @property {llorch.worker.v1.TokenIds.$Properties|null} [tokens] Prompt token ids, used as they are.
                 * @property {boolean|null} [addGenerationPrompt] For chat input: end the rendered prompt with the assistant turn's opening. Default true.
                 * @property {llorch.worker.v1.SamplingParams.$Properties|null} [sampling] How tokens are drawn.
                 * @property {llorch.worker.v1.StopParams.$Properties|null} [stop] When generation stops.
                 * @property {number|null} [topLogprobs] Return the sampled token's log-probability and this many top alternatives per token
                 * (0..20); 0 = no logprobs.
                 * @property {number|null} [deadlineUnixMs] Wall-clock deadline in Unix milliseconds; the job fails with WORKER_ERR_DEADLINE_EXCEEDED
                 * once it passes. 0 = no deadline.
                 * @property {Array.<number>|null} [resumeTokens] Tokens an earlier attempt of this job already generated and delivered (for a job
                 * continued after a worker crash). Generation continues after them exactly as if it had
                 * never stopped; they are not sent again as deltas but count toward max_tokens and usage.
                 * @property {"prompt"|"chat"|"tokens"} [input] The prompt.
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Submit.
                 * @memberof llorch.worker.v1
                 * @interface ISubmit
                 * @augments llorch.worker.v1.Submit.$Properties
                 * @deprecated Use llorch.worker.v1.Submit.$Properties instead.
                 */

                /**
                 * Narrowed shape of a Submit.
                 * @typedef {{
                 *   jobId?: string|null;
                 *   prompt?: string|null;
                 *   chat?: llorch.worker.v1.ChatMessages.$Shape|null;
                 *   tokens?: llorch.worker.v1.TokenIds.$Shape|null;
                 *   addGenerationPrompt?: boolean|null;
                 *   sampling?: llorch.worker.v1.SamplingParams.$Shape|null;
                 *   stop?: llorch.worker.v1.StopParams.$Shape|null;
                 *   topLogprobs?: number|null;
                 *   deadlineUnixMs?: number|null;
                 *   resumeTokens?: Array.<number>|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * } & (
                 *   ({ input?: undefined; prompt?: null; chat?: null; tokens?: null }|{ input?: "prompt"; prompt: string; chat?: null; tokens?: null }|{ input?: "chat"; prompt?: null; chat: llorch.worker.v1.ChatMessages.$Shape; tokens?: null }|{ input?: "tokens"; prompt?: null; chat?: null; tokens: llorch.worker.v1.TokenIds.$Shape })
                 * )} llorch.worker.v1.Submit.$Shape
                 */

                /**
                 * Constructs a new Submit.
                 * @memberof llorch.worker.v1
                 * @classdesc Start a job on this worker.
                 * @constructor
                 * @param {llorch.worker.v1.Submit.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Submit = function (properties) {
                    this.resumeTokens = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Orchestrator-assigned job id, unique among this worker's live jobs; 1..128 bytes.
                 * @member {string} jobId
                 * @memberof llorch.worker.v1.Submit
                 * @instance
                 */
                Submit.prototype.jobId = "";

                /**
                 * Raw prompt text, tokenized as is (BOS added when the tokenizer adds one).
                 * @member {string|null|undefined} prompt
                 * @memberof llorch.worker.v1.Submit
                 * @instance
                 */
                Submit.prototype.prompt = null;

                /**
                 * Chat messages, rendered through the model's chat template.
                 * @member {llorch.worker.v1.ChatMessages.$Properties|null|undefined} chat
                 * @memberof llorch.worker.v1.Submit
                 * @instance
                 */
                Submit.prototype.chat = null;

                /**
                 * Prompt token ids, used as they are.
                 * @member {llorch.worker.v1.TokenIds.$Properties|null|undefined} tokens
                 * @memberof llorch.worker.v1.Submit
                 * @instance
                 */
                Submit.prototype.tokens = null;

                /**
                 * For chat input: end the rendered prompt with the assistant turn's opening. Default true.
                 * @member {boolean|null|undefined} addGenerationPrompt
                 * @memberof llorch.worker.v1.Submit
                 * @instance
                 */
                Submit.prototype.addGenerationPrompt = null;

                /**
                 * How tokens are drawn.
                 * @member {llorch.worker.v1.SamplingParams.$Properties|null|undefined} sampling
                 * @memberof llorch.worker.v1.Submit
                 * @instance
                 */
                Submit.prototype.sampling = null;

                /**
                 * When generation stops.
                 * @member {llorch.worker.v1.StopParams.$Properties|null|undefined} stop
                 * @memberof llorch.worker.v1.Submit
                 * @instance
                 */
                Submit.prototype.stop = null;

                /**
                 * Return the sampled token's log-probability and this many top alternatives per token
                 * (0..20); 0 = no logprobs.
                 * @member {number} topLogprobs
                 * @memberof llorch.worker.v1.Submit
                 * @instance
                 */
                Submit.prototype.topLogprobs = 0;

                /**
                 * Wall-clock deadline in Unix milliseconds; the job fails with WORKER_ERR_DEADLINE_EXCEEDED
                 * once it passes. 0 = no deadline.
                 * @member {number} deadlineUnixMs
                 * @memberof llorch.worker.v1.Submit
                 * @instance
                 */
                Submit.prototype.deadlineUnixMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Tokens an earlier attempt of this job already generated and delivered (for a job
                 * continued after a worker crash). Generation continues after them exactly as if it had
                 * never stopped; they are not sent again as deltas but count toward max_tokens and usage.
                 * @member {Array.<number>} resumeTokens
                 * @memberof llorch.worker.v1.Submit
                 * @instance
                 */
                Submit.prototype.resumeTokens = $util.emptyArray;

                // OneOf field names bound to virtual getters and setters
                let $oneOfFields;

                /**
                 * The prompt.
                 * @member {"prompt"|"chat"|"tokens"|undefined} input
                 * @memberof llorch.worker.v1.Submit
                 * @instance
                 */
                $Object.defineProperty(Submit.prototype, "input", {
                    get: $util.oneOfGetter($oneOfFields = ["prompt", "chat", "tokens"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                // Virtual OneOf for proto3 optional field
                $Object.defineProperty(Submit.prototype, "_addGenerationPrompt", {
                    get: $util.oneOfGetter($oneOfFields = ["addGenerationPrompt"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                /**
                 * Creates a new Submit instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.Submit
                 * @static
                 * @param {llorch.worker.v1.Submit.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.Submit} Submit instance
                 * @type {{
                 *   (properties: llorch.worker.v1.Submit.$Shape): llorch.worker.v1.Submit & llorch.worker.v1.Submit.$Shape;
                 *   (properties?: llorch.worker.v1.Submit.$Properties): llorch.worker.v1.Submit;
                 * }}
                 */
                Submit.create = function(properties) {
                    return new Submit(properties);
                };

                /**
                 * Encodes the specified Submit message. Does not implicitly {@link llorch.worker.v1.Submit.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.Submit
                 * @static
                 * @param {llorch.worker.v1.Submit.$Properties} message Submit message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Submit.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId") && message.jobId !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.jobId);
                    if (message.prompt != null && $Object.hasOwnProperty.call(message, "prompt"))
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.prompt);
                    if (message.chat != null && $Object.hasOwnProperty.call(message, "chat"))
                        $root.llorch.worker.v1.ChatMessages.encode(message.chat, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                    if (message.tokens != null && $Object.hasOwnProperty.call(message, "tokens"))
                        $root.llorch.worker.v1.TokenIds.encode(message.tokens, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                    if (message.addGenerationPrompt != null && $Object.hasOwnProperty.call(message, "addGenerationPrompt"))
                        writer.uint32(/* id 5, wireType 0 =*/40).bool(message.addGenerationPrompt);
                    if (message.sampling != null && $Object.hasOwnProperty.call(message, "sampling"))
                        $root.llorch.worker.v1.SamplingParams.encode(message.sampling, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                    if (message.stop != null && $Object.hasOwnProperty.call(message, "stop"))
                        $root.llorch.worker.v1.StopParams.encode(message.stop, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                    if (message.topLogprobs != null && $Object.hasOwnProperty.call(message, "topLogprobs") && message.topLogprobs !== 0)
                        writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.topLogprobs);
                    if (message.deadlineUnixMs != null && $Object.hasOwnProperty.call(message, "deadlineUnixMs") && (typeof message.deadlineUnixMs === "object" ? message.deadlineUnixMs.low || message.deadlineUnixMs.high : message.deadlineUnixMs !== 0))
                        writer.uint32(/* id 9, wireType 0 =*/72).uint64(message.deadlineUnixMs);
                    if (message.resumeTokens != null && message.resumeTokens.length)
                        writer.uint32(/* id 10, wireType 2 =*/82).uint32s(message.resumeTokens);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Submit message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.Submit
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Submit & llorch.worker.v1.Submit.$Shape} Submit
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Submit.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.Submit();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.jobId = value;
                                else
                                    delete message.jobId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                message.prompt = reader.stringVerify();
                                message.input = "prompt";
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                message.chat = $root.llorch.worker.v1.ChatMessages.decode(reader, reader.size(), $undefined, _depth + 1, message.chat);
                                message.input = "chat";
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                message.tokens = $root.llorch.worker.v1.TokenIds.decode(reader, reader.size(), $undefined, _depth + 1, message.tokens);
                                message.input = "tokens";
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                message.addGenerationPrompt = reader.bool();
                                message._addGenerationPrompt = "addGenerationPrompt";
                                continue;
                            }
                        case 6: {
                                if (wireType !== 2)
                                    break;
                                message.sampling = $root.llorch.worker.v1.SamplingParams.decode(reader, reader.size(), $undefined, _depth + 1, message.sampling);
                                continue;
                            }
                        case 7: {
                                if (wireType !== 2)
                                    break;
                                message.stop = $root.llorch.worker.v1.StopParams.decode(reader, reader.size(), $undefined, _depth + 1, message.stop);
                                continue;
                            }
                        case 8: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.topLogprobs = value;
                                else
                                    delete message.topLogprobs;
                                continue;
                            }
                        case 9: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.deadlineUnixMs = value;
                                else
                                    delete message.deadlineUnixMs;
                                continue;
                            }
                        case 10: {
                                if (wireType === 2) {
                                    if (!(message.resumeTokens && message.resumeTokens.length))
                                        message.resumeTokens = [];
                                    reader.uint32s(message.resumeTokens);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.resumeTokens && message.resumeTokens.length))
                                    message.resumeTokens = [];
                                message.resumeTokens.push(reader.uint32());
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a Submit message.
                 * @function verify
                 * @memberof llorch.worker.v1.Submit
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                Submit.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    let properties = {};
                    if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                        if (!$util.isString(message.jobId))
                            return "jobId: string expected";
                    if (message.prompt != null && $Object.hasOwnProperty.call(message, "prompt")) {
                        properties.input = 1;
                        if (!$util.isString(message.prompt))
                            return "prompt: string expected";
                    }
                    if (message.chat != null && $Object.hasOwnProperty.call(message, "chat")) {
                        if (properties.input === 1)
                            return "input: multiple values";
                        properties.input = 1;
                        {
                            let error = $root.llorch.worker.v1.ChatMessages.verify(message.chat, _depth + 1);
                            if (error)
                                return "chat." + error;
                        }
                    }
                    if (message.tokens != null && $Object.hasOwnProperty.call(message, "tokens")) {
                        if (properties.input === 1)
                            return "input: multiple values";
                        properties.input = 1;
                        {
                            let error = $root.llorch.worker.v1.TokenIds.verify(message.tokens, _depth + 1);
                            if (error)
                                return "tokens." + error;
                        }
                    }
                    if (message.addGenerationPrompt != null && $Object.hasOwnProperty.call(message, "addGenerationPrompt")) {
                        properties._addGenerationPrompt = 1;
                        if (typeof message.addGenerationPrompt !== "boolean")
                            return "addGenerationPrompt: boolean expected";
                    }
                    if (message.sampling != null && $Object.hasOwnProperty.call(message, "sampling")) {
                        let error = $root.llorch.worker.v1.SamplingParams.verify(message.sampling, _depth + 1);
                        if (error)
                            return "sampling." + error;
                    }
                    if (message.stop != null && $Object.hasOwnProperty.call(message, "stop")) {
                        let error = $root.llorch.worker.v1.StopParams.verify(message.stop, _depth + 1);
                        if (error)
                            return "stop." + error;
                    }
                    if (message.topLogprobs != null && $Object.hasOwnProperty.call(message, "topLogprobs"))
                        if (!$util.isInteger(message.topLogprobs))
                            return "topLogprobs: integer expected";
                    if (message.deadlineUnixMs != null && $Object.hasOwnProperty.call(message, "deadlineUnixMs"))
                        if (!$util.isInteger(message.deadlineUnixMs) && !(message.deadlineUnixMs && $util.isInteger(message.deadlineUnixMs.low) && $util.isInteger(message.deadlineUnixMs.high)))
                            return "deadlineUnixMs: integer|Long expected";
                    if (message.resumeTokens != null && $Object.hasOwnProperty.call(message, "resumeTokens")) {
                        if (!$Array.isArray(message.resumeTokens))
                            return "resumeTokens: array expected";
                        for (let i = 0; i < message.resumeTokens.length; ++i)
                            if (!$util.isInteger(message.resumeTokens[i]))
                                return "resumeTokens: integer[] expected";
                    }
                    return null;
                };

                /**
                 * Creates a Submit message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.Submit
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.Submit} Submit
                 */
                Submit.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.Submit)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.Submit: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.llorch.worker.v1.Submit();
                    if (object.jobId != null)
                        if (typeof object.jobId !== "string" || object.jobId.length)
                            message.jobId = $String(object.jobId);
                    if (object.prompt != null)
                        message.prompt = $String(object.prompt);
                    if (object.chat != null) {
                        if (!$util.isObject(object.chat))
                            throw $TypeError(".llorch.worker.v1.Submit.chat: object expected");
                        message.chat = $root.llorch.worker.v1.ChatMessages.fromObject(object.chat, _depth + 1);
                    }
                    if (object.tokens != null) {
                        if (!$util.isObject(object.tokens))
                            throw $TypeError(".llorch.worker.v1.Submit.tokens: object expected");
                        message.tokens = $root.llorch.worker.v1.TokenIds.fromObject(object.tokens, _depth + 1);
                    }
                    if (object.addGenerationPrompt != null)
                        message.addGenerationPrompt = $Boolean(object.addGenerationPrompt);
                    if (object.sampling != null) {
                        if (!$util.isObject(object.sampling))
                            throw $TypeError(".llorch.worker.v1.Submit.sampling: object expected");
                        message.sampling = $root.llorch.worker.v1.SamplingParams.fromObject(object.sampling, _depth + 1);
                    }
                    if (object.stop != null) {
                        if (!$util.isObject(object.stop))
                            throw $TypeError(".llorch.worker.v1.Submit.stop: object expected");
                        message.stop = $root.llorch.worker.v1.StopParams.fromObject(object.stop, _depth + 1);
                    }
                    if (object.topLogprobs != null)
                        if ($Number(object.topLogprobs) !== 0)
                            message.topLogprobs = object.topLogprobs >>> 0;
                    if (object.deadlineUnixMs != null)
                        if (typeof object.deadlineUnixMs === "object" ? object.deadlineUnixMs.low || object.deadlineUnixMs.high : $Number(object.deadlineUnixMs) !== 0)
                            if ($util.Long)
                                message.deadlineUnixMs = $util.Long.fromValue(object.deadlineUnixMs, true);
                            else if (typeof object.deadlineUnixMs === "string")
                                message.deadlineUnixMs = $parseInt(object.deadlineUnixMs, 10);
                            else if (typeof object.deadlineUnixMs === "number")
                                message.deadlineUnixMs = object.deadlineUnixMs;
                            else if (typeof object.deadlineUnixMs === "object")
                                message.deadlineUnixMs = new $util.LongBits(object.deadlineUnixMs.low >>> 0, object.deadlineUnixMs.high >>> 0).toNumber(true);
                    if (object.resumeTokens) {
                        if (!$Array.isArray(object.resumeTokens))
                            throw $TypeError(".llorch.worker.v1.Submit.resumeTokens: array expected");
                        message.resumeTokens = $Array(object.resumeTokens.length);
                        for (let i = 0; i < object.resumeTokens.length; ++i)
                            message.resumeTokens[i] = object.resumeTokens[i] >>> 0;
                    }
                    return message;
                };

                /**
                 * Creates a plain object from a Submit message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.Submit
                 * @static
                 * @param {llorch.worker.v1.Submit} message Submit
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Submit.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.arrays || options.defaults)
                        object.resumeTokens = [];
                    if (options.defaults) {
                        object.jobId = "";
                        object.sampling = null;
                        object.stop = null;
                        object.topLogprobs = 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.deadlineUnixMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.deadlineUnixMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    }
                    if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                        object.jobId = message.jobId;
                    if (message.prompt != null && $Object.hasOwnProperty.call(message, "prompt")) {
                        object.prompt = message.prompt;
                        if (options.oneofs)
                            object.input = "prompt";
                    }
                    if (message.chat != null && $Object.hasOwnProperty.call(message, "chat")) {
                        object.chat = $root.llorch.worker.v1.ChatMessages.toObject(message.chat, options, _depth + 1);
                        if (options.oneofs)
                            object.input = "chat";
                    }
                    if (message.tokens != null && $Object.hasOwnProperty.call(message, "tokens")) {
                        object.tokens = $root.llorch.worker.v1.TokenIds.toObject(message.tokens, options, _depth + 1);
                        if (options.oneofs)
                            object.input = "tokens";
                    }
                    if (message.addGenerationPrompt != null && $Object.hasOwnProperty.call(message, "addGenerationPrompt"))
                        object.addGenerationPrompt = message.addGenerationPrompt;
                    if (message.sampling != null && $Object.hasOwnProperty.call(message, "sampling"))
                        object.sampling = $root.llorch.worker.v1.SamplingParams.toObject(message.sampling, options, _depth + 1);
                    if (message.stop != null && $Object.hasOwnProperty.call(message, "stop"))
                        object.stop = $root.llorch.worker.v1.StopParams.toObject(message.stop, options, _depth + 1);
                    if (message.topLogprobs != null && $Object.hasOwnProperty.call(message, "topLogprobs"))
                        object.topLogprobs = message.topLogprobs;
                    if (message.deadlineUnixMs != null && $Object.hasOwnProperty.call(message, "deadlineUnixMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.deadlineUnixMs = typeof message.deadlineUnixMs === "number" ? $BigInt(message.deadlineUnixMs) : $util.Long.fromBits(message.deadlineUnixMs.low >>> 0, message.deadlineUnixMs.high >>> 0, true).toBigInt();
                        else if (typeof message.deadlineUnixMs === "number")
                            object.deadlineUnixMs = options.longs === $String ? $String(message.deadlineUnixMs) : message.deadlineUnixMs;
                        else
                            object.deadlineUnixMs = options.longs === $String ? $util.Long.prototype.toString.call(message.deadlineUnixMs) : options.longs === $Number ? new $util.LongBits(message.deadlineUnixMs.low >>> 0, message.deadlineUnixMs.high >>> 0).toNumber(true) : message.deadlineUnixMs;
                    if (message.resumeTokens && message.resumeTokens.length) {
                        object.resumeTokens = $Array(message.resumeTokens.length);
                        for (let j = 0; j < message.resumeTokens.length; ++j)
                            object.resumeTokens[j] = message.resumeTokens[j];
                    }
                    return object;
                };

                /**
                 * Converts this Submit to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.Submit
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Submit.prototype.toJSON = function() {
                    return Submit.toObject(this, $protobuf.util.toJSONOptions);
                };

                return Submit;
            })();

            v1.Cancel = (function() {

                /**
                 * Properties of a Cancel.
                 * @typedef {Object} llorch.worker.v1.Cancel.$Properties
                 * @property {string|null} [jobId] The job to stop.
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Cancel.
                 * @memberof llorch.worker.v1
                 * @interface ICancel
                 * @augments llorch.worker.v1.Cancel.$Properties
                 * @deprecated Use llorch.worker.v1.Cancel.$Properties instead.
                 */

                /**
                 * Shape of a Cancel.
                 * @typedef {llorch.worker.v1.Cancel.$Properties} llorch.worker.v1.Cancel.$Shape
                 */

                /**
                 * Constructs a new Cancel.
                 * @memberof llorch.worker.v1
                 * @classdesc Stop a job. The worker frees its KV cache within one engine step and answers with
                 * JobDone(CANCELLED); an unknown job id is answered with FrameRejected.
                 * @constructor
                 * @param {llorch.worker.v1.Cancel.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Cancel = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * The job to stop.
                 * @member {string} jobId
                 * @memberof llorch.worker.v1.Cancel
                 * @instance
                 */
                Cancel.prototype.jobId = "";

                /**
                 * Creates a new Cancel instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.Cancel
                 * @static
                 * @param {llorch.worker.v1.Cancel.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.Cancel} Cancel instance
                 * @type {{
                 *   (properties: llorch.worker.v1.Cancel.$Shape): llorch.worker.v1.Cancel & llorch.worker.v1.Cancel.$Shape;
                 *   (properties?: llorch.worker.v1.Cancel.$Properties): llorch.worker.v1.Cancel;
                 * }}
                 */
                Cancel.create = function(properties) {
                    return new Cancel(properties);
                };

                /**
                 * Encodes the specified Cancel message. Does not implicitly {@link llorch.worker.v1.Cancel.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.Cancel
                 * @static
                 * @param {llorch.worker.v1.Cancel.$Properties} message Cancel message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Cancel.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId") && message.jobId !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.jobId);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Cancel message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.Cancel
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Cancel & llorch.worker.v1.Cancel.$Shape} Cancel
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Cancel.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.Cancel();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.jobId = value;
                                else
                                    delete message.jobId;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a Cancel message.
                 * @function verify
                 * @memberof llorch.worker.v1.Cancel
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                Cancel.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                        if (!$util.isString(message.jobId))
                            return "jobId: string expected";
                    return null;
                };

                /**
                 * Creates a Cancel message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.Cancel
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.Cancel} Cancel
                 */
                Cancel.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.Cancel)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.Cancel: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.llorch.worker.v1.Cancel();
                    if (object.jobId != null)
                        if (typeof object.jobId !== "string" || object.jobId.length)
                            message.jobId = $String(object.jobId);
                    return message;
                };

                /**
                 * Creates a plain object from a Cancel message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.Cancel
                 * @static
                 * @param {llorch.worker.v1.Cancel} message Cancel
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Cancel.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults)
                        object.jobId = "";
                    if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                        object.jobId = message.jobId;
                    return object;
                };

                /**
                 * Converts this Cancel to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.Cancel
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Cancel.prototype.toJSON = function() {
                    return Cancel.toObject(this, $protobuf.util.toJSONOptions);
                };

                return Cancel;
            })();

            v1.TopLogprob = (function() {

                /**
                 * Properties of a TopLogprob.
                 * @typedef {Object} llorch.worker.v1.TopLogprob.$Properties
                 * @property {number|null} [token] The token id.
                 * @property {number|null} [logprob] Its natural-log probability.
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a TopLogprob.
                 * @memberof llorch.worker.v1
                 * @interface ITopLogprob
                 * @augments llorch.worker.v1.TopLogprob.$Properties
                 * @deprecated Use llorch.worker.v1.TopLogprob.$Properties instead.
                 */

                /**
                 * Shape of a TopLogprob.
                 * @typedef {llorch.worker.v1.TopLogprob.$Properties} llorch.worker.v1.TopLogprob.$Shape
                 */

                /**
                 * Constructs a new TopLogprob.
                 * @memberof llorch.worker.v1
                 * @classdesc A sampled token's log-probability among the alternatives.
                 * @constructor
                 * @param {llorch.worker.v1.TopLogprob.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const TopLogprob = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * The token id.
                 * @member {number} token
                 * @memberof llorch.worker.v1.TopLogprob
                 * @instance
                 */
                TopLogprob.prototype.token = 0;

                /**
                 * Its natural-log probability.
                 * @member {number} logprob
                 * @memberof llorch.worker.v1.TopLogprob
                 * @instance
                 */
                TopLogprob.prototype.logprob = 0;

                /**
                 * Creates a new TopLogprob instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.TopLogprob
                 * @static
                 * @param {llorch.worker.v1.TopLogprob.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.TopLogprob} TopLogprob instance
                 * @type {{
                 *   (properties: llorch.worker.v1.TopLogprob.$Shape): llorch.worker.v1.TopLogprob & llorch.worker.v1.TopLogprob.$Shape;
                 *   (properties?: llorch.worker.v1.TopLogprob.$Properties): llorch.worker.v1.TopLogprob;
                 * }}
                 */
                TopLogprob.create = function(properties) {
                    return new TopLogprob(properties);
                };

                /**
                 * Encodes the specified TopLogprob message. Does not implicitly {@link llorch.worker.v1.TopLogprob.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.TopLogprob
                 * @static
                 * @param {llorch.worker.v1.TopLogprob.$Properties} message TopLogprob message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                TopLogprob.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.token != null && $Object.hasOwnProperty.call(message, "token") && message.token !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.token);
                    if (message.logprob != null && $Object.hasOwnProperty.call(message, "logprob") && !$Object.is(message.logprob, 0))
                        writer.uint32(/* id 2, wireType 5 =*/21).float(message.logprob);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a TopLogprob message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.TopLogprob
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.TopLogprob & llorch.worker.v1.TopLogprob.$Shape} TopLogprob
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                TopLogprob.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.TopLogprob();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.token = value;
                                else
                                    delete message.token;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 5)
                                    break;
                                if (!$Object.is(value = reader.float(), 0))
                                    message.logprob = value;
                                else
                                    delete message.logprob;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a TopLogprob message.
                 * @function verify
                 * @memberof llorch.worker.v1.TopLogprob
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                TopLogprob.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.token != null && $Object.hasOwnProperty.call(message, "token"))
                        if (!$util.isInteger(message.token))
                            return "token: integer expected";
                    if (message.logprob != null && $Object.hasOwnProperty.call(message, "logprob"))
                        if (typeof message.logprob !== "number")
                            return "logprob: number expected";
                    return null;
                };

                /**
                 * Creates a TopLogprob message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.TopLogprob
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.TopLogprob} TopLogprob
                 */
                TopLogprob.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.TopLogprob)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.TopLogprob: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.llorch.worker.v1.TopLogprob();
                    if (object.token != null)
                        if ($Number(object.token) !== 0)
                            message.token = object.token >>> 0;
                    if (object.logprob != null)
                        if (!$Object.is($Number(object.logprob), 0))
                            message.logprob = $Number(object.logprob);
                    return message;
                };

                /**
                 * Creates a plain object from a TopLogprob message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.TopLogprob
                 * @static
                 * @param {llorch.worker.v1.TopLogprob} message TopLogprob
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                TopLogprob.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.token = 0;
                        object.logprob = 0;
                    }
                    if (message.token != null && $Object.hasOwnProperty.call(message, "token"))
                        object.token = message.token;
                    if (message.logprob != null && $Object.hasOwnProperty.call(message, "logprob"))
                        object.logprob = options.json && !$isFinite(message.logprob) ? $String(message.logprob) : message.logprob;
                    return object;
                };

                /**
                 * Converts this TopLogprob to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.TopLogprob
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                TopLogprob.prototype.toJSON = function() {
                    return TopLogprob.toObject(this, $protobuf.util.toJSONOptions);
                };

                return TopLogprob;
            })();

            v1.TokenLogprob = (function() {

                /**
                 * Properties of a TokenLogprob.
                 * @typedef {Object} llorch.worker.v1.TokenLogprob.$Properties
                 * @property {number|null} [token] The sampled token id.
                 * @property {number|null} [logprob] Its natural-log probability.
                 * @property {Array.<llorch.worker.v1.TopLogprob.$Properties>|null} [top] The most likely tokens at that position, most likely first.
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a TokenLogprob.
                 * @memberof llorch.worker.v1
                 * @interface ITokenLogprob
                 * @augments llorch.worker.v1.TokenLogprob.$Properties
                 * @deprecated Use llorch.worker.v1.TokenLogprob.$Properties instead.
                 */

                /**
                 * Shape of a TokenLogprob.
                 * @typedef {llorch.worker.v1.TokenLogprob.$Properties} llorch.worker.v1.TokenLogprob.$Shape
                 */

                /**
                 * Constructs a new TokenLogprob.
                 * @memberof llorch.worker.v1
                 * @classdesc Log-probabilities for one sampled token.
                 * @constructor
                 * @param {llorch.worker.v1.TokenLogprob.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const TokenLogprob = function (properties) {
                    this.top = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * The sampled token id.
                 * @member {number} token
                 * @memberof llorch.worker.v1.TokenLogprob
                 * @instance
                 */
                TokenLogprob.prototype.token = 0;

                /**
                 * Its natural-log probability.
                 * @member {number} logprob
                 * @memberof llorch.worker.v1.TokenLogprob
                 * @instance
                 */
                TokenLogprob.prototype.logprob = 0;

                /**
                 * The most likely tokens at that position, most likely first.
                 * @member {Array.<llorch.worker.v1.TopLogprob.$Properties>} top
                 * @memberof llorch.worker.v1.TokenLogprob
                 * @instance
                 */
                TokenLogprob.prototype.top = $util.emptyArray;

                /**
                 * Creates a new TokenLogprob instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.TokenLogprob
                 * @static
                 * @param {llorch.worker.v1.TokenLogprob.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.TokenLogprob} TokenLogprob instance
                 * @type {{
                 *   (properties: llorch.worker.v1.TokenLogprob.$Shape): llorch.worker.v1.TokenLogprob & llorch.worker.v1.TokenLogprob.$Shape;
                 *   (properties?: llorch.worker.v1.TokenLogprob.$Properties): llorch.worker.v1.TokenLogprob;
                 * }}
                 */
                TokenLogprob.create = function(properties) {
                    return new TokenLogprob(properties);
                };

                /**
                 * Encodes the specified TokenLogprob message. Does not implicitly {@link llorch.worker.v1.TokenLogprob.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.TokenLogprob
                 * @static
                 * @param {llorch.worker.v1.TokenLogprob.$Properties} message TokenLogprob message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                TokenLogprob.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.token != null && $Object.hasOwnProperty.call(message, "token") && message.token !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.token);
                    if (message.logprob != null && $Object.hasOwnProperty.call(message, "logprob") && !$Object.is(message.logprob, 0))
                        writer.uint32(/* id 2, wireType 5 =*/21).float(message.logprob);
                    if (message.top != null && message.top.length)
                        for (let i = 0; i < message.top.length; ++i)
                            $root.llorch.worker.v1.TopLogprob.encode(message.top[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a TokenLogprob message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.TokenLogprob
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.TokenLogprob & llorch.worker.v1.TokenLogprob.$Shape} TokenLogprob
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                TokenLogprob.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.TokenLogprob();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.token = value;
                                else
                                    delete message.token;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 5)
                                    break;
                                if (!$Object.is(value = reader.float(), 0))
                                    message.logprob = value;
                                else
                                    delete message.logprob;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.top && message.top.length))
                                    message.top = [];
                                message.top.push($root.llorch.worker.v1.TopLogprob.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a TokenLogprob message.
                 * @function verify
                 * @memberof llorch.worker.v1.TokenLogprob
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                TokenLogprob.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.token != null && $Object.hasOwnProperty.call(message, "token"))
                        if (!$util.isInteger(message.token))
                            return "token: integer expected";
                    if (message.logprob != null && $Object.hasOwnProperty.call(message, "logprob"))
                        if (typeof message.logprob !== "number")
                            return "logprob: number expected";
                    if (message.top != null && $Object.hasOwnProperty.call(message, "top")) {
                        if (!$Array.isArray(message.top))
                            return "top: array expected";
                        for (let i = 0; i < message.top.length; ++i) {
                            let error = $root.llorch.worker.v1.TopLogprob.verify(message.top[i], _depth + 1);
                            if (error)
                                return "top." + error;
                        }
                    }
                    return null;
                };

                /**
                 * Creates a TokenLogprob message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.TokenLogprob
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.TokenLogprob} TokenLogprob
                 */
                TokenLogprob.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.TokenLogprob)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.TokenLogprob: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.llorch.worker.v1.TokenLogprob();
                    if (object.token != null)
                        if ($Number(object.token) !== 0)
                            message.token = object.token >>> 0;
                    if (object.logprob != null)
                        if (!$Object.is($Number(object.logprob), 0))
                            message.logprob = $Number(object.logprob);
                    if (object.top) {
                        if (!$Array.isArray(object.top))
                            throw $TypeError(".llorch.worker.v1.TokenLogprob.top: array expected");
                        message.top = $Array(object.top.length);
                        for (let i = 0; i < object.top.length; ++i) {
                            if (!$util.isObject(object.top[i]))
                                throw $TypeError(".llorch.worker.v1.TokenLogprob.top: object expected");
                            message.top[i] = $root.llorch.worker.v1.TopLogprob.fromObject(object.top[i], _depth + 1);
                        }
                    }
                    return message;
                };

                /**
                 * Creates a plain object from a TokenLogprob message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.TokenLogprob
                 * @static
                 * @param {llorch.worker.v1.TokenLogprob} message TokenLogprob
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                TokenLogprob.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.arrays || options.defaults)
                        object.top = [];
                    if (options.defaults) {
                        object.token = 0;
                        object.logprob = 0;
                    }
                    if (message.token != null && $Object.hasOwnProperty.call(message, "token"))
                        object.token = message.token;
                    if (message.logprob != null && $Object.hasOwnProperty.call(message, "logprob"))
                        object.logprob = options.json && !$isFinite(message.logprob) ? $String(message.logprob) : message.logprob;
                    if (message.top && message.top.length) {
                        object.top = $Array(message.top.length);
                        for (let j = 0; j < message.top.length; ++j)
                            object.top[j] = $root.llorch.worker.v1.TopLogprob.toObject(message.top[j], options, _depth + 1);
                    }
                    return object;
                };

                /**
                 * Converts this TokenLogprob to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.TokenLogprob
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                TokenLogprob.prototype.toJSON = function() {
                    return TokenLogprob.toObject(this, $protobuf.util.toJSONOptions);
                };

                return TokenLogprob;
            })();

            v1.JobDelta = (function() {

                /**
                 * Properties of a JobDelta.
                 * @typedef {Object} llorch.worker.v1.JobDelta.$Properties
                 * @property {string|null} [jobId] The job.
                 * @property {Array.<number>|null} [tokenIds] Newly sampled token ids, in order (stop tokens excluded).
                 * @property {string|null} [text] Newly decoded text; may be empty while text is held back (an incomplete UTF-8 character
                 * or a possible stop-string prefix), and may cover tokens of earlier deltas.
                 * @property {Array.<llorch.worker.v1.TokenLogprob.$Properties>|null} [logprobs] Parallel to token_ids when the job asked for top_logprobs.
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a JobDelta.
                 * @memberof llorch.worker.v1
                 * @interface IJobDelta
                 * @augments llorch.worker.v1.JobDelta.$Properties
                 * @deprecated Use llorch.worker.v1.JobDelta.$Properties instead.
                 */

                /**
                 * Shape of a JobDelta.
                 * @typedef {llorch.worker.v1.JobDelta.$Properties} llorch.worker.v1.JobDelta.$Shape
                 */

                /**
                 * Constructs a new JobDelta.
                 * @memberof llorch.worker.v1
                 * @classdesc New output of one job.
                 * @constructor
                 * @param {llorch.worker.v1.JobDelta.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const JobDelta = function (properties) {
                    this.tokenIds = [];
                    this.logprobs = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * The job.
                 * @member {string} jobId
                 * @memberof llorch.worker.v1.JobDelta
                 * @instance
                 */
                JobDelta.prototype.jobId = "";

                /**
                 * Newly sampled token ids, in order (stop tokens excluded).
                 * @member {Array.<number>} tokenIds
                 * @memberof llorch.worker.v1.JobDelta
                 * @instance
                 */
                JobDelta.prototype.tokenIds = $util.emptyArray;

                /**
                 * Newly decoded text; may be empty while text is held back (an incomplete UTF-8 character
                 * or a possible stop-string prefix), and may cover tokens of earlier deltas.
                 * @member {string} text
                 * @memberof llorch.worker.v1.JobDelta
                 * @instance
                 */
                JobDelta.prototype.text = "";

                /**
                 * Parallel to token_ids when the job asked for top_logprobs.
                 * @member {Array.<llorch.worker.v1.TokenLogprob.$Properties>} logprobs
                 * @memberof llorch.worker.v1.JobDelta
                 * @instance
                 */
                JobDelta.prototype.logprobs = $util.emptyArray;

                /**
                 * Creates a new JobDelta instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.JobDelta
                 * @static
                 * @param {llorch.worker.v1.JobDelta.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.JobDelta} JobDelta instance
                 * @type {{
                 *   (properties: llorch.worker.v1.JobDelta.$Shape): llorch.worker.v1.JobDelta & llorch.worker.v1.JobDelta.$Shape;
                 *   (properties?: llorch.worker.v1.JobDelta.$Properties): llorch.worker.v1.JobDelta;
                 * }}
                 */
                JobDelta.create = function(properties) {
                    return new JobDelta(properties);
                };

                /**
                 * Encodes the specified JobDelta message. Does not implicitly {@link llorch.worker.v1.JobDelta.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.JobDelta
                 * @static
                 * @param {llorch.worker.v1.JobDelta.$Properties} message JobDelta message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                JobDelta.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId") && message.jobId !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.jobId);
                    if (message.tokenIds != null && message.tokenIds.length)
                        writer.uint32(/* id 2, wireType 2 =*/18).uint32s(message.tokenIds);
                    if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.text);
                    if (message.logprobs != null && message.logprobs.length)
                        for (let i = 0; i < message.logprobs.length; ++i)
                            $root.llorch.worker.v1.TokenLogprob.encode(message.logprobs[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a JobDelta message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.JobDelta
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.JobDelta & llorch.worker.v1.JobDelta.$Shape} JobDelta
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                JobDelta.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.JobDelta();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.jobId = value;
                                else
                                    delete message.jobId;
                                continue;
                            }
                        case 2: {
                                if (wireType === 2) {
                                    if (!(message.tokenIds && message.tokenIds.length))
                                        message.tokenIds = [];
                                    reader.uint32s(message.tokenIds);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.tokenIds && message.tokenIds.length))
                                    message.tokenIds = [];
                                message.tokenIds.push(reader.uint32());
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.text = value;
                                else
                                    delete message.text;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.logprobs && message.logprobs.length))
                                    message.logprobs = [];
                                message.logprobs.push($root.llorch.worker.v1.TokenLogprob.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a JobDelta message.
                 * @function verify
                 * @memberof llorch.worker.v1.JobDelta
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                JobDelta.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                        if (!$util.isString(message.jobId))
                            return "jobId: string expected";
                    if (message.tokenIds != null && $Object.hasOwnProperty.call(message, "tokenIds")) {
                        if (!$Array.isArray(message.tokenIds))
                            return "tokenIds: array expected";
                        for (let i = 0; i < message.tokenIds.length; ++i)
                            if (!$util.isInteger(message.tokenIds[i]))
                                return "tokenIds: integer[] expected";
                    }
                    if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                        if (!$util.isString(message.text))
                            return "text: string expected";
                    if (message.logprobs != null && $Object.hasOwnProperty.call(message, "logprobs")) {
                        if (!$Array.isArray(message.logprobs))
                            return "logprobs: array expected";
                        for (let i = 0; i < message.logprobs.length; ++i) {
                            let error = $root.llorch.worker.v1.TokenLogprob.verify(message.logprobs[i], _depth + 1);
                            if (error)
                                return "logprobs." + error;
                        }
                    }
                    return null;
                };

                /**
                 * Creates a JobDelta message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.JobDelta
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.JobDelta} JobDelta
                 */
                JobDelta.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.JobDelta)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.JobDelta: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.llorch.worker.v1.JobDelta();
                    if (object.jobId != null)
                        if (typeof object.jobId !== "string" || object.jobId.length)
                            message.jobId = $String(object.jobId);
                    if (object.tokenIds) {
                        if (!$Array.isArray(object.tokenIds))
                            throw $TypeError(".llorch.worker.v1.JobDelta.tokenIds: array expected");
                        message.tokenIds = $Array(object.tokenIds.length);
                        for (let i = 0; i < object.tokenIds.length; ++i)
                            message.tokenIds[i] = object.tokenIds[i] >>> 0;
                    }
                    if (object.text != null)
                        if (typeof object.text !== "string" || object.text.length)
                            message.text = $String(object.text);
                    if (object.logprobs) {
                        if (!$Array.isArray(object.logprobs))
                            throw $TypeError(".llorch.worker.v1.JobDelta.logprobs: array expected");
                        message.logprobs = $Array(object.logprobs.length);
                        for (let i = 0; i < object.logprobs.length; ++i) {
                            if (!$util.isObject(object.logprobs[i]))
                                throw $TypeError(".llorch.worker.v1.JobDelta.logprobs: object expected");
                            message.logprobs[i] = $root.llorch.worker.v1.TokenLogprob.fromObject(object.logprobs[i], _depth + 1);
                        }
                    }
                    return message;
                };

                /**
                 * Creates a plain object from a JobDelta message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.JobDelta
                 * @static
                 * @param {llorch.worker.v1.JobDelta} message JobDelta
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                JobDelta.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.arrays || options.defaults) {
                        object.tokenIds = [];
                        object.logprobs = [];
                    }
                    if (options.defaults) {
                        object.jobId = "";
                        object.text = "";
                    }
                    if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                        object.jobId = message.jobId;
                    if (message.tokenIds && message.tokenIds.length) {
                        object.tokenIds = $Array(message.tokenIds.length);
                        for (let j = 0; j < message.tokenIds.length; ++j)
                            object.tokenIds[j] = message.tokenIds[j];
                    }
                    if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                        object.text = message.text;
                    if (message.logprobs && message.logprobs.length) {
                        object.logprobs = $Array(message.logprobs.length);
                        for (let j = 0; j < message.logprobs.length; ++j)
                            object.logprobs[j] = $root.llorch.worker.v1.TokenLogprob.toObject(message.logprobs[j], options, _depth + 1);
                    }
                    return object;
                };

                /**
                 * Converts this JobDelta to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.JobDelta
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                JobDelta.prototype.toJSON = function() {
                    return JobDelta.toObject(this, $protobuf.util.toJSONOptions);
                };

                return JobDelta;
            })();

            v1.TokenDelta = (function() {

                /**
                 * Properties of a TokenDelta.
                 * @typedef {Object} llorch.worker.v1.TokenDelta.$Properties
                 * @property {Array.<llorch.worker.v1.JobDelta.$Properties>|null} [deltas] One entry per job that produced tokens or text.
                 * @property {number|null} [engineStep] The (last) engine step that produced them.
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a TokenDelta.
                 * @memberof llorch.worker.v1
                 * @interface ITokenDelta
                 * @augments llorch.worker.v1.TokenDelta.$Properties
                 * @deprecated Use llorch.worker.v1.TokenDelta.$Properties instead.
                 */

                /**
                 * Shape of a TokenDelta.
                 * @typedef {llorch.worker.v1.TokenDelta.$Properties} llorch.worker.v1.TokenDelta.$Shape
                 */

                /**
                 * Constructs a new TokenDelta.
                 * @memberof llorch.worker.v1
                 * @classdesc Output of every job that progressed in one engine step, or in consecutive steps the worker
                 * merged while the orchestrator was not reading.
                 * @constructor
                 * @param {llorch.worker.v1.TokenDelta.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const TokenDelta = function (properties) {
                    this.deltas = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * One entry per job that produced tokens or text.
                 * @member {Array.<llorch.worker.v1.JobDelta.$Properties>} deltas
                 * @memberof llorch.worker.v1.TokenDelta
                 * @instance
                 */
                TokenDelta.prototype.deltas = $util.emptyArray;

                /**
                 * The (last) engine step that produced them.
                 * @member {number} engineStep
                 * @memberof llorch.worker.v1.TokenDelta
                 * @instance
                 */
                TokenDelta.prototype.engineStep = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Creates a new TokenDelta instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.TokenDelta
                 * @static
                 * @param {llorch.worker.v1.TokenDelta.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.TokenDelta} TokenDelta instance
                 * @type {{
                 *   (properties: llorch.worker.v1.TokenDelta.$Shape): llorch.worker.v1.TokenDelta & llorch.worker.v1.TokenDelta.$Shape;
                 *   (properties?: llorch.worker.v1.TokenDelta.$Properties): llorch.worker.v1.TokenDelta;
                 * }}
                 */
                TokenDelta.create = function(properties) {
                    return new TokenDelta(properties);
                };

                /**
                 * Encodes the specified TokenDelta message. Does not implicitly {@link llorch.worker.v1.TokenDelta.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.TokenDelta
                 * @static
                 * @param {llorch.worker.v1.TokenDelta.$Properties} message TokenDelta message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                TokenDelta.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.deltas != null && message.deltas.length)
                        for (let i = 0; i < message.deltas.length; ++i)
                            $root.llorch.worker.v1.JobDelta.encode(message.deltas[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                    if (message.engineStep != null && $Object.hasOwnProperty.call(message, "engineStep") && (typeof message.engineStep === "object" ? message.engineStep.low || message.engineStep.high : message.engineStep !== 0))
                        writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.engineStep);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a TokenDelta message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.TokenDelta
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.TokenDelta & llorch.worker.v1.TokenDelta.$Shape} TokenDelta
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                TokenDelta.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.TokenDelta();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.deltas && message.deltas.length))
                                    message.deltas = [];
                                message.deltas.push($root.llorch.worker.v1.JobDelta.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.engineStep = value;
                                else
                                    delete message.engineStep;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a TokenDelta message.
                 * @function verify
                 * @memberof llorch.worker.v1.TokenDelta
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                TokenDelta.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.deltas != null && $Object.hasOwnProperty.call(message, "deltas")) {
                        if (!$Array.isArray(message.deltas))
                            return "deltas: array expected";
                        for (let i = 0; i < message.deltas.length; ++i) {
                            let error = $root.llorch.worker.v1.JobDelta.verify(message.deltas[i], _depth + 1);
                            if (error)
                                return "deltas." + error;
                        }
                    }
                    if (message.engineStep != null && $Object.hasOwnProperty.call(message, "engineStep"))
                        if (!$util.isInteger(message.engineStep) && !(message.engineStep && $util.isInteger(message.engineStep.low) && $util.isInteger(message.engineStep.high)))
                            return "engineStep: integer|Long expected";
                    return null;
                };

                /**
                 * Creates a TokenDelta message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.TokenDelta
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.TokenDelta} TokenDelta
                 */
                TokenDelta.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.TokenDelta)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.TokenDelta: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.llorch.worker.v1.TokenDelta();
                    if (object.deltas) {
                        if (!$Array.isArray(object.deltas))
                            throw $TypeError(".llorch.worker.v1.TokenDelta.deltas: array expected");
                        message.deltas = $Array(object.deltas.length);
                        for (let i = 0; i < object.deltas.length; ++i) {
                            if (!$util.isObject(object.deltas[i]))
                                throw $TypeError(".llorch.worker.v1.TokenDelta.deltas: object expected");
                            message.deltas[i] = $root.llorch.worker.v1.JobDelta.fromObject(object.deltas[i], _depth + 1);
                        }
                    }
                    if (object.engineStep != null)
                        if (typeof object.engineStep === "object" ? object.engineStep.low || object.engineStep.high : $Number(object.engineStep) !== 0)
                            if ($util.Long)
                                message.engineStep = $util.Long.fromValue(object.engineStep, true);
                            else if (typeof object.engineStep === "string")
                                message.engineStep = $parseInt(object.engineStep, 10);
                            else if (typeof object.engineStep === "number")
                                message.engineStep = object.engineStep;
                            else if (typeof object.engineStep === "object")
                                message.engineStep = new $util.LongBits(object.engineStep.low >>> 0, object.engineStep.high >>> 0).toNumber(true);
                    return message;
                };

                /**
                 * Creates a plain object from a TokenDelta message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.TokenDelta
                 * @static
                 * @param {llorch.worker.v1.TokenDelta} message TokenDelta
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                TokenDelta.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.arrays || options.defaults)
                        object.deltas = [];
                    if (options.defaults)
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.engineStep = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.engineStep = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if (message.deltas && message.deltas.length) {
                        object.deltas = $Array(message.deltas.length);
                        for (let j = 0; j < message.deltas.length; ++j)
                            object.deltas[j] = $root.llorch.worker.v1.JobDelta.toObject(message.deltas[j], options, _depth + 1);
                    }
                    if (message.engineStep != null && $Object.hasOwnProperty.call(message, "engineStep"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.engineStep = typeof message.engineStep === "number" ? $BigInt(message.engineStep) : $util.Long.fromBits(message.engineStep.low >>> 0, message.engineStep.high >>> 0, true).toBigInt();
                        else if (typeof message.engineStep === "number")
                            object.engineStep = options.longs === $String ? $String(message.engineStep) : message.engineStep;
                        else
                            object.engineStep = options.longs === $String ? $util.Long.prototype.toString.call(message.engineStep) : options.longs === $Number ? new $util.LongBits(message.engineStep.low >>> 0, message.engineStep.high >>> 0).toNumber(true) : message.engineStep;
                    return object;
                };

                /**
                 * Converts this TokenDelta to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.TokenDelta
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                TokenDelta.prototype.toJSON = function() {
                    return TokenDelta.toObject(this, $protobuf.util.toJSONOptions);
                };

                return TokenDelta;
            })();

            /**
             * Why a job ended.
             * @name llorch.worker.v1.FinishReason
             * @enum {number}
             * @property {number} FINISH_REASON_UNSPECIFIED=0 Never sent.
             * @property {number} FINISH_REASON_STOP=1 An end-of-sequence token, a stop token id or a stop string.
             * @property {number} FINISH_REASON_LENGTH=2 max_tokens or the context length was reached.
             * @property {number} FINISH_REASON_CANCELLED=3 The job was cancelled (Cancel or Shutdown).
             */
            v1.FinishReason = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "FINISH_REASON_UNSPECIFIED"] = 0;
                values[valuesById[1] = "FINISH_REASON_STOP"] = 1;
                values[valuesById[2] = "FINISH_REASON_LENGTH"] = 2;
                values[valuesById[3] = "FINISH_REASON_CANCELLED"] = 3;
                return values;
            })();

            v1.Usage = (function() {

                /**
                 * Properties of a Usage.
                 * @typedef {Object} llorch.worker.v1.Usage.$Properties
                 * @property {number|null} [promptTokens] Tokens of the rendered prompt.
                 * @property {number|null} [completionTokens] Generated tokens, including resume_tokens and excluding a final stop token.
                 * @property {number|null} [resumedTokens] How many of completion_tokens came from resume_tokens.
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Usage.
                 * @memberof llorch.worker.v1
                 * @interface IUsage
                 * @augments llorch.worker.v1.Usage.$Properties
                 * @deprecated Use llorch.worker.v1.Usage.$Properties instead.
                 */

                /**
                 * Shape of a Usage.
                 * @typedef {llorch.worker.v1.Usage.$Properties} llorch.worker.v1.Usage.$Shape
                 */

                /**
                 * Constructs a new Usage.
                 * @memberof llorch.worker.v1
                 * @classdesc Token counts of a finished job.
                 * @constructor
                 * @param {llorch.worker.v1.Usage.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Usage = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Tokens of the rendered prompt.
                 * @member {number} promptTokens
                 * @memberof llorch.worker.v1.Usage
                 * @instance
                 */
                Usage.prototype.promptTokens = 0;

                /**
                 * Generated tokens, including resume_tokens and excluding a final stop token.
                 * @member {number} completionTokens
                 * @memberof llorch.worker.v1.Usage
                 * @instance
                 */
                Usage.prototype.completionTokens = 0;

                /**
                 * How many of completion_tokens came from resume_tokens.
                 * @member {number} resumedTokens
                 * @memberof llorch.worker.v1.Usage
                 * @instance
                 */
                Usage.prototype.resumedTokens = 0;

                /**
                 * Creates a new Usage instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.Usage
                 * @static
                 * @param {llorch.worker.v1.Usage.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.Usage} Usage instance
                 * @type {{
                 *   (properties: llorch.worker.v1.Usage.$Shape): llorch.worker.v1.Usage & llorch.worker.v1.Usage.$Shape;
                 *   (properties?: llorch.worker.v1.Usage.$Properties): llorch.worker.v1.Usage;
                 * }}
                 */
                Usage.create = function(properties) {
                    return new Usage(properties);
                };

                /**
                 * Encodes the specified Usage message. Does not implicitly {@link llorch.worker.v1.Usage.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.Usage
                 * @static
                 * @param {llorch.worker.v1.Usage.$Properties} message Usage message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Usage.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.promptTokens != null && $Object.hasOwnProperty.call(message, "promptTokens") && message.promptTokens !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.promptTokens);
                    if (message.completionTokens != null && $Object.hasOwnProperty.call(message, "completionTokens") && message.completionTokens !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.completionTokens);
                    if (message.resumedTokens != null && $Object.hasOwnProperty.call(message, "resumedTokens") && message.resumedTokens !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.resumedTokens);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Usage message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.Usage
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Usage & llorch.worker.v1.Usage.$Shape} Usage
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Usage.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.Usage();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.promptTokens = value;
                                else
                                    delete message.promptTokens;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.completionTokens = value;
                                else
                                    delete message.completionTokens;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.resumedTokens = value;
                                else
                                    delete message.resumedTokens;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a Usage message.
                 * @function verify
                 * @memberof llorch.worker.v1.Usage
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                Usage.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.promptTokens != null && $Object.hasOwnProperty.call(message, "promptTokens"))
                        if (!$util.isInteger(message.promptTokens))
                            return "promptTokens: integer expected";
                    if (message.completionTokens != null && $Object.hasOwnProperty.call(message, "completionTokens"))
                        if (!$util.isInteger(message.completionTokens))
                            return "completionTokens: integer expected";
                    if (message.resumedTokens != null && $Object.hasOwnProperty.call(message, "resumedTokens"))
                        if (!$util.isInteger(message.resumedTokens))
                            return "resumedTokens: integer expected";
                    return null;
                };

                /**
                 * Creates a Usage message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.Usage
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.Usage} Usage
                 */
                Usage.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.Usage)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.Usage: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.llorch.worker.v1.Usage();
                    if (object.promptTokens != null)
                        if ($Number(object.promptTokens) !== 0)
                            message.promptTokens = object.promptTokens >>> 0;
                    if (object.completionTokens != null)
                        if ($Number(object.completionTokens) !== 0)
                            message.completionTokens = object.completionTokens >>> 0;
                    if (object.resumedTokens != null)
                        if ($Number(object.resumedTokens) !== 0)
                            message.resumedTokens = object.resumedTokens >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from a Usage message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.Usage
                 * @static
                 * @param {llorch.worker.v1.Usage} message Usage
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Usage.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.promptTokens = 0;
                        object.completionTokens = 0;
                        object.resumedTokens = 0;
                    }
                    if (message.promptTokens != null && $Object.hasOwnProperty.call(message, "promptTokens"))
                        object.promptTokens = message.promptTokens;
                    if (message.completionTokens != null && $Object.hasOwnProperty.call(message, "completionTokens"))
                        object.completionTokens = message.completionTokens;
                    if (message.resumedTokens != null && $Object.hasOwnProperty.call(message, "resumedTokens"))
                        object.resumedTokens = message.resumedTokens;
                    return object;
                };

                /**
                 * Converts this Usage to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.Usage
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Usage.prototype.toJSON = function() {
                    return Usage.toObject(this, $protobuf.util.toJSONOptions);
                };

                return Usage;
            })();

            v1.Timings = (function() {

                /**
                 * Properties of a Timings.
                 * @typedef {Object} llorch.worker.v1.Timings.$Properties
                 * @property {number|null} [queueMs] From Submit received to the engine starting the job's prefill.
                 * @property {number|null} [prefillMs] Prompt processing.
                 * @property {number|null} [decodeMs] From the first generated token to the last.
                 * @property {number|null} [timeToFirstTokenMs] From Submit received to the first generated token.
                 * @property {number|null} [totalMs] From Submit received to JobDone.
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Timings.
                 * @memberof llorch.worker.v1
                 * @interface ITimings
                 * @augments llorch.worker.v1.Timings.$Properties
                 * @deprecated Use llorch.worker.v1.Timings.$Properties instead.
                 */

                /**
                 * Shape of a Timings.
                 * @typedef {llorch.worker.v1.Timings.$Properties} llorch.worker.v1.Timings.$Shape
                 */

                /**
                 * Constructs a new Timings.
                 * @memberof llorch.worker.v1
                 * @classdesc Where a job's time went, in milliseconds.
                 * @constructor
                 * @param {llorch.worker.v1.Timings.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Timings = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * From Submit received to the engine starting the job's prefill.
                 * @member {number} queueMs
                 * @memberof llorch.worker.v1.Timings
                 * @instance
                 */
                Timings.prototype.queueMs = 0;

                /**
                 * Prompt processing.
                 * @member {number} prefillMs
                 * @memberof llorch.worker.v1.Timings
                 * @instance
                 */
                Timings.prototype.prefillMs = 0;

                /**
                 * From the first generated token to the last.
                 * @member {number} decodeMs
                 * @memberof llorch.worker.v1.Timings
                 * @instance
                 */
                Timings.prototype.decodeMs = 0;

                /**
                 * From Submit received to the first generated token.
                 * @member {number} timeToFirstTokenMs
                 * @memberof llorch.worker.v1.Timings
                 * @instance
                 */
                Timings.prototype.timeToFirstTokenMs = 0;

                /**
                 * From Submit received to JobDone.
                 * @member {number} totalMs
                 * @memberof llorch.worker.v1.Timings
                 * @instance
                 */
                Timings.prototype.totalMs = 0;

                /**
                 * Creates a new Timings instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.Timings
                 * @static
                 * @param {llorch.worker.v1.Timings.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.Timings} Timings instance
                 * @type {{
                 *   (properties: llorch.worker.v1.Timings.$Shape): llorch.worker.v1.Timings & llorch.worker.v1.Timings.$Shape;
                 *   (properties?: llorch.worker.v1.Timings.$Properties): llorch.worker.v1.Timings;
                 * }}
                 */
                Timings.create = function(properties) {
                    return new Timings(properties);
                };

                /**
                 * Encodes the specified Timings message. Does not implicitly {@link llorch.worker.v1.Timings.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.Timings
                 * @static
                 * @param {llorch.worker.v1.Timings.$Properties} message Timings message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Timings.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.queueMs != null && $Object.hasOwnProperty.call(message, "queueMs") && !$Object.is(message.queueMs, 0))
                        writer.uint32(/* id 1, wireType 1 =*/9).double(message.queueMs);
                    if (message.prefillMs != null && $Object.hasOwnProperty.call(message, "prefillMs") && !$Object.is(message.prefillMs, 0))
                        writer.uint32(/* id 2, wireType 1 =*/17).double(message.prefillMs);
                    if (message.decodeMs != null && $Object.hasOwnProperty.call(message, "decodeMs") && !$Object.is(message.decodeMs, 0))
                        writer.uint32(/* id 3, wireType 1 =*/25).double(message.decodeMs);
                    if (message.timeToFirstTokenMs != null && $Object.hasOwnProperty.call(message, "timeToFirstTokenMs") && !$Object.is(message.timeToFirstTokenMs, 0))
                        writer.uint32(/* id 4, wireType 1 =*/33).double(message.timeToFirstTokenMs);
                    if (message.totalMs != null && $Object.hasOwnProperty.call(message, "totalMs") && !$Object.is(message.totalMs, 0))
                        writer.uint32(/* id 5, wireType 1 =*/41).double(message.totalMs);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Timings message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.Timings
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Timings & llorch.worker.v1.Timings.$Shape} Timings
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Timings.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.Timings();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 1)
                                    break;
                                if (!$Object.is(value = reader.double(), 0))
                                    message.queueMs = value;
                                else
                                    delete message.queueMs;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 1)
                                    break;
                                if (!$Object.is(value = reader.double(), 0))
                                    message.prefillMs = value;
                                else
                                    delete message.prefillMs;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 1)
                                    break;
                                if (!$Object.is(value = reader.double(), 0))
                                    message.decodeMs = value;
                                else
                                    delete message.decodeMs;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 1)
                                    break;
                                if (!$Object.is(value = reader.double(), 0))
                                    message.timeToFirstTokenMs = value;
                                else
                                    delete message.timeToFirstTokenMs;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 1)
                                    break;
                                if (!$Object.is(value = reader.double(), 0))
                                    message.totalMs = value;
                                else
                                    delete message.totalMs;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a Timings message.
                 * @function verify
                 * @memberof llorch.worker.v1.Timings
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                Timings.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.queueMs != null && $Object.hasOwnProperty.call(message, "queueMs"))
                        if (typeof message.queueMs !== "number")
                            return "queueMs: number expected";
                    if (message.prefillMs != null && $Object.hasOwnProperty.call(message, "prefillMs"))
                        if (typeof message.prefillMs !== "number")
                            return "prefillMs: number expected";
                    if (message.decodeMs != null && $Object.hasOwnProperty.call(message, "decodeMs"))
                        if (typeof message.decodeMs !== "number")
                            return "decodeMs: number expected";
                    if (message.timeToFirstTokenMs != null && $Object.hasOwnProperty.call(message, "timeToFirstTokenMs"))
                        if (typeof message.timeToFirstTokenMs !== "number")
                            return "timeToFirstTokenMs: number expected";
                    if (message.totalMs != null && $Object.hasOwnProperty.call(message, "totalMs"))
                        if (typeof message.totalMs !== "number")
                            return "totalMs: number expected";
                    return null;
                };

                /**
                 * Creates a Timings message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.Timings
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.Timings} Timings
                 */
                Timings.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.Timings)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.Timings: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.llorch.worker.v1.Timings();
                    if (object.queueMs != null)
                        if (!$Object.is($Number(object.queueMs), 0))
                            message.queueMs = $Number(object.queueMs);
                    if (object.prefillMs != null)
                        if (!$Object.is($Number(object.prefillMs), 0))
                            message.prefillMs = $Number(object.prefillMs);
                    if (object.decodeMs != null)
                        if (!$Object.is($Number(object.decodeMs), 0))
                            message.decodeMs = $Number(object.decodeMs);
                    if (object.timeToFirstTokenMs != null)
                        if (!$Object.is($Number(object.timeToFirstTokenMs), 0))
                            message.timeToFirstTokenMs = $Number(object.timeToFirstTokenMs);
                    if (object.totalMs != null)
                        if (!$Object.is($Number(object.totalMs), 0))
                            message.totalMs = $Number(object.totalMs);
                    return message;
                };

                /**
                 * Creates a plain object from a Timings message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.Timings
                 * @static
                 * @param {llorch.worker.v1.Timings} message Timings
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Timings.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.queueMs = 0;
                        object.prefillMs = 0;
                        object.decodeMs = 0;
                        object.timeToFirstTokenMs = 0;
                        object.totalMs = 0;
                    }
                    if (message.queueMs != null && $Object.hasOwnProperty.call(message, "queueMs"))
                        object.queueMs = options.json && !$isFinite(message.queueMs) ? $String(message.queueMs) : message.queueMs;
                    if (message.prefillMs != null && $Object.hasOwnProperty.call(message, "prefillMs"))
                        object.prefillMs = options.json && !$isFinite(message.prefillMs) ? $String(message.prefillMs) : message.prefillMs;
                    if (message.decodeMs != null && $Object.hasOwnProperty.call(message, "decodeMs"))
                        object.decodeMs = options.json && !$isFinite(message.decodeMs) ? $String(message.decodeMs) : message.decodeMs;
                    if (message.timeToFirstTokenMs != null && $Object.hasOwnProperty.call(message, "timeToFirstTokenMs"))
                        object.timeToFirstTokenMs = options.json && !$isFinite(message.timeToFirstTokenMs) ? $String(message.timeToFirstTokenMs) : message.timeToFirstTokenMs;
                    if (message.totalMs != null && $Object.hasOwnProperty.call(message, "totalMs"))
                        object.totalMs = options.json && !$isFinite(message.totalMs) ? $String(message.totalMs) : message.totalMs;
                    return object;
                };

                /**
                 * Converts this Timings to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.Timings
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Timings.prototype.toJSON = function() {
                    return Timings.toObject(this, $protobuf.util.toJSONOptions);
                };

                return Timings;
            })();

            v1.JobDone = (function() {

                /**
                 * Properties of a JobDone.
                 * @typedef {Object} llorch.worker.v1.JobDone.$Properties
                 * @property {string|null} [jobId] The job.
                 * @property {llorch.worker.v1.FinishReason|null} [finishReason] Why it ended.
                 * @property {string|null} [stopString] The stop string that matched, when finish_reason is STOP because of one.
                 * @property {number|null} [stopTokenId] The stop token id that ended the job, when finish_reason is STOP because of one.
                 * @property {llorch.worker.v1.Usage.$Properties|null} [usage] Token counts.
                 * @property {llorch.worker.v1.Timings.$Properties|null} [timings] Time spent.
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a JobDone.
                 * @memberof llorch.worker.v1
                 * @interface IJobDone
                 * @augments llorch.worker.v1.JobDone.$Properties
                 * @deprecated Use llorch.worker.v1.JobDone.$Properties instead.
                 */

                /**
                 * Shape of a JobDone.
                 * @typedef {llorch.worker.v1.JobDone.$Properties} llorch.worker.v1.JobDone.$Shape
                 */

                /**
                 * Constructs a new JobDone.
                 * @memberof llorch.worker.v1
                 * @classdesc A job ended without error.
                 * @constructor
                 * @param {llorch.worker.v1.JobDone.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const JobDone = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * The job.
                 * @member {string} jobId
                 * @memberof llorch.worker.v1.JobDone
                 * @instance
                 */
                JobDone.prototype.jobId = "";

                /**
                 * Why it ended.
                 * @member {llorch.worker.v1.FinishReason} finishReason
                 * @memberof llorch.worker.v1.JobDone
                 * @instance
                 */
                JobDone.prototype.finishReason = 0;

                /**
                 * The stop string that matched, when finish_reason is STOP because of one.
                 * @member {string} stopString
                 * @memberof llorch.worker.v1.JobDone
                 * @instance
                 */
                JobDone.prototype.stopString = "";

                /**
                 * The stop token id that ended the job, when finish_reason is STOP because of one.
                 * @member {number|null|undefined} stopTokenId
                 * @memberof llorch.worker.v1.JobDone
                 * @instance
                 */
                JobDone.prototype.stopTokenId = null;

                /**
                 * Token counts.
                 * @member {llorch.worker.v1.Usage.$Properties|null|undefined} usage
                 * @memberof llorch.worker.v1.JobDone
                 * @instance
                 */
                JobDone.prototype.usage = null;

                /**
                 * Time spent.
                 * @member {llorch.worker.v1.Timings.$Properties|null|undefined} timings
                 * @memberof llorch.worker.v1.JobDone
                 * @instance
                 */
                JobDone.prototype.timings = null;

                // OneOf field names bound to virtual getters and setters
                let $oneOfFields;

                // Virtual OneOf for proto3 optional field
                $Object.defineProperty(JobDone.prototype, "_stopTokenId", {
                    get: $util.oneOfGetter($oneOfFields = ["stopTokenId"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                /**
                 * Creates a new JobDone instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.JobDone
                 * @static
                 * @param {llorch.worker.v1.JobDone.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.JobDone} JobDone instance
                 * @type {{
                 *   (properties: llorch.worker.v1.JobDone.$Shape): llorch.worker.v1.JobDone & llorch.worker.v1.JobDone.$Shape;
                 *   (properties?: llorch.worker.v1.JobDone.$Properties): llorch.worker.v1.JobDone;
                 * }}
                 */
                JobDone.create = function(properties) {
                    return new JobDone(properties);
                };

                /**
                 * Encodes the specified JobDone message. Does not implicitly {@link llorch.worker.v1.JobDone.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.JobDone
                 * @static
                 * @param {llorch.worker.v1.JobDone.$Properties} message JobDone message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                JobDone.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId") && message.jobId !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.jobId);
                    if (message.finishReason != null && $Object.hasOwnProperty.call(message, "finishReason") && message.finishReason !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).int32(message.finishReason);
                    if (message.stopString != null && $Object.hasOwnProperty.call(message, "stopString") && message.stopString !== "")
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.stopString);
                    if (message.stopTokenId != null && $Object.hasOwnProperty.call(message, "stopTokenId"))
                        writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.stopTokenId);
                    if (message.usage != null && $Object.hasOwnProperty.call(message, "usage"))
                        $root.llorch.worker.v1.Usage.encode(message.usage, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                    if (message.timings != null && $Object.hasOwnProperty.call(message, "timings"))
                        $root.llorch.worker.v1.Timings.encode(message.timings, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a JobDone message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.JobDone
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.JobDone & llorch.worker.v1.JobDone.$Shape} JobDone
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                JobDone.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.JobDone();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.jobId = value;
                                else
                                    delete message.jobId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.finishReason = value;
                                else
                                    delete message.finishReason;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.stopString = value;
                                else
                                    delete message.stopString;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                message.stopTokenId = reader.uint32();
                                message._stopTokenId = "stopTokenId";
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                message.usage = $root.llorch.worker.v1.Usage.decode(reader, reader.size(), $undefined, _depth + 1, message.usage);
                                continue;
                            }
                        case 6: {
                                if (wireType !== 2)
                                    break;
                                message.timings = $root.llorch.worker.v1.Timings.decode(reader, reader.size(), $undefined, _depth + 1, message.timings);
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a JobDone message.
                 * @function verify
                 * @memberof llorch.worker.v1.JobDone
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                JobDone.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    let properties = {};
                    if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                        if (!$util.isString(message.jobId))
                            return "jobId: string expected";
                    if (message.finishReason != null && $Object.hasOwnProperty.call(message, "finishReason"))
                        if (typeof message.finishReason !== "number" || (message.finishReason | 0) !== message.finishReason)
                            return "finishReason: enum value expected";
                    if (message.stopString != null && $Object.hasOwnProperty.call(message, "stopString"))
                        if (!$util.isString(message.stopString))
                            return "stopString: string expected";
                    if (message.stopTokenId != null && $Object.hasOwnProperty.call(message, "stopTokenId")) {
                        properties._stopTokenId = 1;
                        if (!$util.isInteger(message.stopTokenId))
                            return "stopTokenId: integer expected";
                    }
                    if (message.usage != null && $Object.hasOwnProperty.call(message, "usage")) {
                        let error = $root.llorch.worker.v1.Usage.verify(message.usage, _depth + 1);
                        if (error)
                            return "usage." + error;
                    }
                    if (message.timings != null && $Object.hasOwnProperty.call(message, "timings")) {
                        let error = $root.llorch.worker.v1.Timings.verify(message.timings, _depth + 1);
                        if (error)
                            return "timings." + error;
                    }
                    return null;
                };

                /**
                 * Creates a JobDone message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.JobDone
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.JobDone} JobDone
                 */
                JobDone.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.JobDone)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.JobDone: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.llorch.worker.v1.JobDone();
                    if (object.jobId != null)
                        if (typeof object.jobId !== "string" || object.jobId.length)
                            message.jobId = $String(object.jobId);
                    if (object.finishReason !== 0 && (typeof object.finishReason !== "string" || $root.llorch.worker.v1.FinishReason[object.finishReason] !== 0))
                        switch (object.finishReason) {
                        case "FINISH_REASON_UNSPECIFIED":
                        case 0:
                            message.finishReason = 0;
                            break;
                        case "FINISH_REASON_STOP":
                        case 1:
                            message.finishReason = 1;
                            break;
                        case "FINISH_REASON_LENGTH":
                        case 2:
                            message.finishReason = 2;
                            break;
                        case "FINISH_REASON_CANCELLED":
                        case 3:
                            message.finishReason = 3;
                            break;
                        default:
                            if (typeof object.finishReason === "number" && (object.finishReason | 0) === object.finishReason)
                                message.finishReason = object.finishReason;
                        }
                    if (object.stopString != null)
                        if (typeof object.stopString !== "string" || object.stopString.length)
                            message.stopString = $String(object.stopString);
                    if (object.stopTokenId != null)
                        message.stopTokenId = object.stopTokenId >>> 0;
                    if (object.usage != null) {
                        if (!$util.isObject(object.usage))
                            throw $TypeError(".llorch.worker.v1.JobDone.usage: object expected");
                        message.usage = $root.llorch.worker.v1.Usage.fromObject(object.usage, _depth + 1);
                    }
                    if (object.timings != null) {
                        if (!$util.isObject(object.timings))
                            throw $TypeError(".llorch.worker.v1.JobDone.timings: object expected");
                        message.timings = $root.llorch.worker.v1.Timings.fromObject(object.timings, _depth + 1);
                    }
                    return message;
                };

                /**
                 * Creates a plain object from a JobDone message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.JobDone
                 * @static
                 * @param {llorch.worker.v1.JobDone} message JobDone
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                JobDone.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.jobId = "";
                        object.finishReason = options.enums === $String ? "FINISH_REASON_UNSPECIFIED" : 0;
                        object.stopString = "";
                        object.usage = null;
                        object.timings = null;
                    }
                    if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                        object.jobId = message.jobId;
                    if (message.finishReason != null && $Object.hasOwnProperty.call(message, "finishReason"))
                        object.finishReason = options.enums === $String ? $root.llorch.worker.v1.FinishReason[message.finishReason] === $undefined ? message.finishReason : $root.llorch.worker.v1.FinishReason[message.finishReason] : message.finishReason;
                    if (message.stopString != null && $Object.hasOwnProperty.call(message, "stopString"))
                        object.stopString = message.stopString;
                    if (message.stopTokenId != null && $Object.hasOwnProperty.call(message, "stopTokenId"))
                        object.stopTokenId = message.stopTokenId;
                    if (message.usage != null && $Object.hasOwnProperty.call(message, "usage"))
                        object.usage = $root.llorch.worker.v1.Usage.toObject(message.usage, options, _depth + 1);
                    if (message.timings != null && $Object.hasOwnProperty.call(message, "timings"))
                        object.timings = $root.llorch.worker.v1.Timings.toObject(message.timings, options, _depth + 1);
                    return object;
                };

                /**
                 * Converts this JobDone to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.JobDone
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                JobDone.prototype.toJSON = function() {
                    return JobDone.toObject(this, $protobuf.util.toJSONOptions);
                };

                return JobDone;
            })();

            v1.JobFailed = (function() {

                /**
                 * Properties of a JobFailed.
                 * @typedef {Object} llorch.worker.v1.JobFailed.$Properties
                 * @property {string|null} [jobId] The job.
                 * @property {string|null} [code] Stable error code (WORKER_ERR_*, NATIVE_ERR_*, TOKENIZER_ERR_*).
                 * @property {string|null} [message] What went wrong, naming the field, the limit and the value given where it applies.
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a JobFailed.
                 * @memberof llorch.worker.v1
                 * @interface IJobFailed
                 * @augments llorch.worker.v1.JobFailed.$Properties
                 * @deprecated Use llorch.worker.v1.JobFailed.$Properties instead.
                 */

                /**
                 * Shape of a JobFailed.
                 * @typedef {llorch.worker.v1.JobFailed.$Properties} llorch.worker.v1.JobFailed.$Shape
                 */

                /**
                 * Constructs a new JobFailed.
                 * @memberof llorch.worker.v1
                 * @classdesc A job could not run or failed while running. Its resources are freed.
                 * @constructor
                 * @param {llorch.worker.v1.JobFailed.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const JobFailed = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * The job.
                 * @member {string} jobId
                 * @memberof llorch.worker.v1.JobFailed
                 * @instance
                 */
                JobFailed.prototype.jobId = "";

                /**
                 * Stable error code (WORKER_ERR_*, NATIVE_ERR_*, TOKENIZER_ERR_*).
                 * @member {string} code
                 * @memberof llorch.worker.v1.JobFailed
                 * @instance
                 */
                JobFailed.prototype.code = "";

                /**
                 * What went wrong, naming the field, the limit and the value given where it applies.
                 * @member {string} message
                 * @memberof llorch.worker.v1.JobFailed
                 * @instance
                 */
                JobFailed.prototype.message = "";

                /**
                 * Creates a new JobFailed instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.JobFailed
                 * @static
                 * @param {llorch.worker.v1.JobFailed.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.JobFailed} JobFailed instance
                 * @type {{
                 *   (properties: llorch.worker.v1.JobFailed.$Shape): llorch.worker.v1.JobFailed & llorch.worker.v1.JobFailed.$Shape;
                 *   (properties?: llorch.worker.v1.JobFailed.$Properties): llorch.worker.v1.JobFailed;
                 * }}
                 */
                JobFailed.create = function(properties) {
                    return new JobFailed(properties);
                };

                /**
                 * Encodes the specified JobFailed message. Does not implicitly {@link llorch.worker.v1.JobFailed.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.JobFailed
                 * @static
                 * @param {llorch.worker.v1.JobFailed.$Properties} message JobFailed message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                JobFailed.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId") && message.jobId !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.jobId);
                    if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.code);
                    if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.message);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a JobFailed message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.JobFailed
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.JobFailed & llorch.worker.v1.JobFailed.$Shape} JobFailed
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                JobFailed.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.JobFailed();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.jobId = value;
                                else
                                    delete message.jobId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.code = value;
                                else
                                    delete message.code;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.message = value;
                                else
                                    delete message.message;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a JobFailed message.
                 * @function verify
                 * @memberof llorch.worker.v1.JobFailed
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                JobFailed.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                        if (!$util.isString(message.jobId))
                            return "jobId: string expected";
                    if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                        if (!$util.isString(message.code))
                            return "code: string expected";
                    if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                        if (!$util.isString(message.message))
                            return "message: string expected";
                    return null;
                };

                /**
                 * Creates a JobFailed message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.JobFailed
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.JobFailed} JobFailed
                 */
                JobFailed.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.JobFailed)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.JobFailed: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.llorch.worker.v1.JobFailed();
                    if (object.jobId != null)
                        if (typeof object.jobId !== "string" || object.jobId.length)
                            message.jobId = $String(object.jobId);
                    if (object.code != null)
                        if (typeof object.code !== "string" || object.code.length)
                            message.code = $String(object.code);
                    if (object.message != null)
                        if (typeof object.message !== "string" || object.message.length)
                            message.message = $String(object.message);
                    return message;
                };

                /**
                 * Creates a plain object from a JobFailed message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.JobFailed
                 * @static
                 * @param {llorch.worker.v1.JobFailed} message JobFailed
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                JobFailed.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.jobId = "";
                        object.code = "";
                        object.message = "";
                    }
                    if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                        object.jobId = message.jobId;
                    if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                        object.code = message.code;
                    if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                        object.message = message.message;
                    return object;
                };

                /**
                 * Converts this JobFailed to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.JobFailed
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                JobFailed.prototype.toJSON = function() {
                    return JobFailed.toObject(this, $protobuf.util.toJSONOptions);
                };

                return JobFailed;
            })();

            v1.Stats = (function() {

                /**
                 * Properties of a Stats.
                 * @typedef {Object} llorch.worker.v1.Stats.$Properties
                 * @property {number|null} [runningJobs] Jobs the engine is running (prefill or decode).
                 * @property {number|null} [waitingJobs] Jobs waiting in the engine's queue.
                 * @property {number|null} [kvBlocksUsed] KV-cache blocks held by jobs.
                 * @property {number|null} [kvBlocksFree] KV-cache blocks free.
                 * @property {number|null} [memoryUsedBytes] Device memory in use, in bytes.
                 * @property {number|null} [memoryFreeBytes] Device memory free, in bytes.
                 * @property {number|null} [engineSteps] Engine steps since load.
                 * @property {boolean|null} [draining] Whether the worker is draining (refusing Submit).
                 * @property {number|null} [jobsFinished] Jobs finished since start (done or failed).
                 * @property {number|null} [kvPreemptions] Times since load that the engine sent a running job back to its queue for want of a KV block
                 * (its tokens are recomputed when it runs again; its output is unaffected).
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Stats.
                 * @memberof llorch.worker.v1
                 * @interface IStats
                 * @augments llorch.worker.v1.Stats.$Properties
                 * @deprecated Use llorch.worker.v1.Stats.$Properties instead.
                 */

                /**
                 * Shape of a Stats.
                 * @typedef {llorch.worker.v1.Stats.$Properties} llorch.worker.v1.Stats.$Shape
                 */

                /**
                 * Constructs a new Stats.
                 * @memberof llorch.worker.v1
                 * @classdesc Load and capacity of a worker.
                 * @constructor
                 * @param {llorch.worker.v1.Stats.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Stats = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Jobs the engine is running (prefill or decode).
                 * @member {number} runningJobs
                 * @memberof llorch.worker.v1.Stats
                 * @instance
                 */
                Stats.prototype.runningJobs = 0;

                /**
                 * Jobs waiting in the engine's queue.
                 * @member {number} waitingJobs
                 * @memberof llorch.worker.v1.Stats
                 * @instance
                 */
                Stats.prototype.waitingJobs = 0;

                /**
                 * KV-cache blocks held by jobs.
                 * @member {number} kvBlocksUsed
                 * @memberof llorch.worker.v1.Stats
                 * @instance
                 */
                Stats.prototype.kvBlocksUsed = 0;

                /**
                 * KV-cache blocks free.
                 * @member {number} kvBlocksFree
                 * @memberof llorch.worker.v1.Stats
                 * @instance
                 */
                Stats.prototype.kvBlocksFree = 0;

                /**
                 * Device memory in use, in bytes.
                 * @member {number} memoryUsedBytes
                 * @memberof llorch.worker.v1.Stats
                 * @instance
                 */
                Stats.prototype.memoryUsedBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Device memory free, in bytes.
                 * @member {number} memoryFreeBytes
                 * @memberof llorch.worker.v1.Stats
                 * @instance
                 */
                Stats.prototype.memoryFreeBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Engine steps since load.
                 * @member {number} engineSteps
                 * @memberof llorch.worker.v1.Stats
                 * @instance
                 */
                Stats.prototype.engineSteps = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Whether the worker is draining (refusing Submit).
                 * @member {boolean} draining
                 * @memberof llorch.worker.v1.Stats
                 * @instance
                 */
                Stats.prototype.draining = false;

                /**
                 * Jobs finished since start (done or failed).
                 * @member {number} jobsFinished
                 * @memberof llorch.worker.v1.Stats
                 * @instance
                 */
                Stats.prototype.jobsFinished = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Times since load that the engine sent a running job back to its queue for want of a KV block
                 * (its tokens are recomputed when it runs again; its output is unaffected).
                 * @member {number} kvPreemptions
                 * @memberof llorch.worker.v1.Stats
                 * @instance
                 */
                Stats.prototype.kvPreemptions = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Creates a new Stats instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.Stats
                 * @static
                 * @param {llorch.worker.v1.Stats.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.Stats} Stats instance
                 * @type {{
                 *   (properties: llorch.worker.v1.Stats.$Shape): llorch.worker.v1.Stats & llorch.worker.v1.Stats.$Shape;
                 *   (properties?: llorch.worker.v1.Stats.$Properties): llorch.worker.v1.Stats;
                 * }}
                 */
                Stats.create = function(properties) {
                    return new Stats(properties);
                };

                /**
                 * Encodes the specified Stats message. Does not implicitly {@link llorch.worker.v1.Stats.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.Stats
                 * @static
                 * @param {llorch.worker.v1.Stats.$Properties} message Stats message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Stats.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.runningJobs != null && $Object.hasOwnProperty.call(message, "runningJobs") && message.runningJobs !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.runningJobs);
                    if (message.waitingJobs != null && $Object.hasOwnProperty.call(message, "waitingJobs") && message.waitingJobs !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.waitingJobs);
                    if (message.kvBlocksUsed != null && $Object.hasOwnProperty.call(message, "kvBlocksUsed") && message.kvBlocksUsed !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.kvBlocksUsed);
                    if (message.kvBlocksFree != null && $Object.hasOwnProperty.call(message, "kvBlocksFree") && message.kvBlocksFree !== 0)
                        writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.kvBlocksFree);
                    if (message.memoryUsedBytes != null && $Object.hasOwnProperty.call(message, "memoryUsedBytes") && (typeof message.memoryUsedBytes === "object" ? message.memoryUsedBytes.low || message.memoryUsedBytes.high : message.memoryUsedBytes !== 0))
                        writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.memoryUsedBytes);
                    if (message.memoryFreeBytes != null && $Object.hasOwnProperty.call(message, "memoryFreeBytes") && (typeof message.memoryFreeBytes === "object" ? message.memoryFreeBytes.low || message.memoryFreeBytes.high : message.memoryFreeBytes !== 0))
                        writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.memoryFreeBytes);
                    if (message.engineSteps != null && $Object.hasOwnProperty.call(message, "engineSteps") && (typeof message.engineSteps === "object" ? message.engineSteps.low || message.engineSteps.high : message.engineSteps !== 0))
                        writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.engineSteps);
                    if (message.draining != null && $Object.hasOwnProperty.call(message, "draining") && message.draining !== false)
                        writer.uint32(/* id 8, wireType 0 =*/64).bool(message.draining);
                    if (message.jobsFinished != null && $Object.hasOwnProperty.call(message, "jobsFinished") && (typeof message.jobsFinished === "object" ? message.jobsFinished.low || message.jobsFinished.high : message.jobsFinished !== 0))
                        writer.uint32(/* id 9, wireType 0 =*/72).uint64(message.jobsFinished);
                    if (message.kvPreemptions != null && $Object.hasOwnProperty.call(message, "kvPreemptions") && (typeof message.kvPreemptions === "object" ? message.kvPreemptions.low || message.kvPreemptions.high : message.kvPreemptions !== 0))
                        writer.uint32(/* id 10, wireType 0 =*/80).uint64(message.kvPreemptions);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Stats message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.Stats
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Stats & llorch.worker.v1.Stats.$Shape} Stats
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Stats.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.Stats();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.runningJobs = value;
                                else
                                    delete message.runningJobs;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.waitingJobs = value;
                                else
                                    delete message.waitingJobs;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.kvBlocksUsed = value;
                                else
                                    delete message.kvBlocksUsed;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.kvBlocksFree = value;
                                else
                                    delete message.kvBlocksFree;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.memoryUsedBytes = value;
                                else
                                    delete message.memoryUsedBytes;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.memoryFreeBytes = value;
                                else
                                    delete message.memoryFreeBytes;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.engineSteps = value;
                                else
                                    delete message.engineSteps;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.draining = value;
                                else
                                    delete message.draining;
                                continue;
                            }
                        case 9: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.jobsFinished = value;
                                else
                                    delete message.jobsFinished;
                                continue;
                            }
                        case 10: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.kvPreemptions = value;
                                else
                                    delete message.kvPreemptions;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a Stats message.
                 * @function verify
                 * @memberof llorch.worker.v1.Stats
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                Stats.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.runningJobs != null && $Object.hasOwnProperty.call(message, "runningJobs"))
                        if (!$util.isInteger(message.runningJobs))
                            return "runningJobs: integer expected";
                    if (message.waitingJobs != null && $Object.hasOwnProperty.call(message, "waitingJobs"))
                        if (!$util.isInteger(message.waitingJobs))
                            return "waitingJobs: integer expected";
                    if (message.kvBlocksUsed != null && $Object.hasOwnProperty.call(message, "kvBlocksUsed"))
                        if (!$util.isInteger(message.kvBlocksUsed))
                            return "kvBlocksUsed: integer expected";
                    if (message.kvBlocksFree != null && $Object.hasOwnProperty.call(message, "kvBlocksFree"))
                        if (!$util.isInteger(message.kvBlocksFree))
                            return "kvBlocksFree: integer expected";
                    if (message.memoryUsedBytes != null && $Object.hasOwnProperty.call(message, "memoryUsedBytes"))
                        if (!$util.isInteger(message.memoryUsedBytes) && !(message.memoryUsedBytes && $util.isInteger(message.memoryUsedBytes.low) && $util.isInteger(message.memoryUsedBytes.high)))
                            return "memoryUsedBytes: integer|Long expected";
                    if (message.memoryFreeBytes != null && $Object.hasOwnProperty.call(message, "memoryFreeBytes"))
                        if (!$util.isInteger(message.memoryFreeBytes) && !(message.memoryFreeBytes && $util.isInteger(message.memoryFreeBytes.low) && $util.isInteger(message.memoryFreeBytes.high)))
                            return "memoryFreeBytes: integer|Long expected";
                    if (message.engineSteps != null && $Object.hasOwnProperty.call(message, "engineSteps"))
                        if (!$util.isInteger(message.engineSteps) && !(message.engineSteps && $util.isInteger(message.engineSteps.low) && $util.isInteger(message.engineSteps.high)))
                            return "engineSteps: integer|Long expected";
                    if (message.draining != null && $Object.hasOwnProperty.call(message, "draining"))
                        if (typeof message.draining !== "boolean")
                            return "draining: boolean expected";
                    if (message.jobsFinished != null && $Object.hasOwnProperty.call(message, "jobsFinished"))
                        if (!$util.isInteger(message.jobsFinished) && !(message.jobsFinished && $util.isInteger(message.jobsFinished.low) && $util.isInteger(message.jobsFinished.high)))
                            return "jobsFinished: integer|Long expected";
                    if (message.kvPreemptions != null && $Object.hasOwnProperty.call(message, "kvPreemptions"))
                        if (!$util.isInteger(message.kvPreemptions) && !(message.kvPreemptions && $util.isInteger(message.kvPreemptions.low) && $util.isInteger(message.kvPreemptions.high)))
                            return "kvPreemptions: integer|Long expected";
                    return null;
                };

                /**
                 * Creates a Stats message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.Stats
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.Stats} Stats
                 */
                Stats.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.Stats)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.Stats: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.llorch.worker.v1.Stats();
                    if (object.runningJobs != null)
                        if ($Number(object.runningJobs) !== 0)
                            message.runningJobs = object.runningJobs >>> 0;
                    if (object.waitingJobs != null)
                        if ($Number(object.waitingJobs) !== 0)
                            message.waitingJobs = object.waitingJobs >>> 0;
                    if (object.kvBlocksUsed != null)
                        if ($Number(object.kvBlocksUsed) !== 0)
                            message.kvBlocksUsed = object.kvBlocksUsed >>> 0;
                    if (object.kvBlocksFree != null)
                        if ($Number(object.kvBlocksFree) !== 0)
                            message.kvBlocksFree = object.kvBlocksFree >>> 0;
                    if (object.memoryUsedBytes != null)
                        if (typeof object.memoryUsedBytes === "object" ? object.memoryUsedBytes.low || object.memoryUsedBytes.high : $Number(object.memoryUsedBytes) !== 0)
                            if ($util.Long)
                                message.memoryUsedBytes = $util.Long.fromValue(object.memoryUsedBytes, true);
                            else if (typeof object.memoryUsedBytes === "string")
                                message.memoryUsedBytes = $parseInt(object.memoryUsedBytes, 10);
                            else if (typeof object.memoryUsedBytes === "number")
                                message.memoryUsedBytes = object.memoryUsedBytes;
                            else if (typeof object.memoryUsedBytes === "object")
                                message.memoryUsedBytes = new $util.LongBits(object.memoryUsedBytes.low >>> 0, object.memoryUsedBytes.high >>> 0).toNumber(true);
                    if (object.memoryFreeBytes != null)
                        if (typeof object.memoryFreeBytes === "object" ? object.memoryFreeBytes.low || object.memoryFreeBytes.high : $Number(object.memoryFreeBytes) !== 0)
                            if ($util.Long)
                                message.memoryFreeBytes = $util.Long.fromValue(object.memoryFreeBytes, true);
                            else if (typeof object.memoryFreeBytes === "string")
                                message.memoryFreeBytes = $parseInt(object.memoryFreeBytes, 10);
                            else if (typeof object.memoryFreeBytes === "number")
                                message.memoryFreeBytes = object.memoryFreeBytes;
                            else if (typeof object.memoryFreeBytes === "object")
                                message.memoryFreeBytes = new $util.LongBits(object.memoryFreeBytes.low >>> 0, object.memoryFreeBytes.high >>> 0).toNumber(true);
                    if (object.engineSteps != null)
                        if (typeof object.engineSteps === "object" ? object.engineSteps.low || object.engineSteps.high : $Number(object.engineSteps) !== 0)
                            if ($util.Long)
                                message.engineSteps = $util.Long.fromValue(object.engineSteps, true);
                            else if (typeof object.engineSteps === "string")
                                message.engineSteps = $parseInt(object.engineSteps, 10);
                            else if (typeof object.engineSteps === "number")
                                message.engineSteps = object.engineSteps;
                            else if (typeof object.engineSteps === "object")
                                message.engineSteps = new $util.LongBits(object.engineSteps.low >>> 0, object.engineSteps.high >>> 0).toNumber(true);
                    if (object.draining != null)
                        if (object.draining)
                            message.draining = $Boolean(object.draining);
                    if (object.jobsFinished != null)
                        if (typeof object.jobsFinished === "object" ? object.jobsFinished.low || object.jobsFinished.high : $Number(object.jobsFinished) !== 0)
                            if ($util.Long)
                                message.jobsFinished = $util.Long.fromValue(object.jobsFinished, true);
                            else if (typeof object.jobsFinished === "string")
                                message.jobsFinished = $parseInt(object.jobsFinished, 10);
                            else if (typeof object.jobsFinished === "number")
                                message.jobsFinished = object.jobsFinished;
                            else if (typeof object.jobsFinished === "object")
                                message.jobsFinished = new $util.LongBits(object.jobsFinished.low >>> 0, object.jobsFinished.high >>> 0).toNumber(true);
                    if (object.kvPreemptions != null)
                        if (typeof object.kvPreemptions === "object" ? object.kvPreemptions.low || object.kvPreemptions.high : $Number(object.kvPreemptions) !== 0)
                            if ($util.Long)
                                message.kvPreemptions = $util.Long.fromValue(object.kvPreemptions, true);
                            else if (typeof object.kvPreemptions === "string")
                                message.kvPreemptions = $parseInt(object.kvPreemptions, 10);
                            else if (typeof object.kvPreemptions === "number")
                                message.kvPreemptions = object.kvPreemptions;
                            else if (typeof object.kvPreemptions === "object")
                                message.kvPreemptions = new $util.LongBits(object.kvPreemptions.low >>> 0, object.kvPreemptions.high >>> 0).toNumber(true);
                    return message;
                };

                /**
                 * Creates a plain object from a Stats message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.Stats
                 * @static
                 * @param {llorch.worker.v1.Stats} message Stats
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Stats.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.runningJobs = 0;
                        object.waitingJobs = 0;
                        object.kvBlocksUsed = 0;
                        object.kvBlocksFree = 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.memoryUsedBytes = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.memoryUsedBytes = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.memoryFreeBytes = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.memoryFreeBytes = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.engineSteps = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.engineSteps = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.draining = false;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.jobsFinished = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.jobsFinished = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.kvPreemptions = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.kvPreemptions = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    }
                    if (message.runningJobs != null && $Object.hasOwnProperty.call(message, "runningJobs"))
                        object.runningJobs = message.runningJobs;
                    if (message.waitingJobs != null && $Object.hasOwnProperty.call(message, "waitingJobs"))
                        object.waitingJobs = message.waitingJobs;
                    if (message.kvBlocksUsed != null && $Object.hasOwnProperty.call(message, "kvBlocksUsed"))
                        object.kvBlocksUsed = message.kvBlocksUsed;
                    if (message.kvBlocksFree != null && $Object.hasOwnProperty.call(message, "kvBlocksFree"))
                        object.kvBlocksFree = message.kvBlocksFree;
                    if (message.memoryUsedBytes != null && $Object.hasOwnProperty.call(message, "memoryUsedBytes"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.memoryUsedBytes = typeof message.memoryUsedBytes === "number" ? $BigInt(message.memoryUsedBytes) : $util.Long.fromBits(message.memoryUsedBytes.low >>> 0, message.memoryUsedBytes.high >>> 0, true).toBigInt();
                        else if (typeof message.memoryUsedBytes === "number")
                            object.memoryUsedBytes = options.longs === $String ? $String(message.memoryUsedBytes) : message.memoryUsedBytes;
                        else
                            object.memoryUsedBytes = options.longs === $String ? $util.Long.prototype.toString.call(message.memoryUsedBytes) : options.longs === $Number ? new $util.LongBits(message.memoryUsedBytes.low >>> 0, message.memoryUsedBytes.high >>> 0).toNumber(true) : message.memoryUsedBytes;
                    if (message.memoryFreeBytes != null && $Object.hasOwnProperty.call(message, "memoryFreeBytes"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.memoryFreeBytes = typeof message.memoryFreeBytes === "number" ? $BigInt(message.memoryFreeBytes) : $util.Long.fromBits(message.memoryFreeBytes.low >>> 0, message.memoryFreeBytes.high >>> 0, true).toBigInt();
                        else if (typeof message.memoryFreeBytes === "number")
                            object.memoryFreeBytes = options.longs === $String ? $String(message.memoryFreeBytes) : message.memoryFreeBytes;
                        else
                            object.memoryFreeBytes = options.longs === $String ? $util.Long.prototype.toString.call(message.memoryFreeBytes) : options.longs === $Number ? new $util.LongBits(message.memoryFreeBytes.low >>> 0, message.memoryFreeBytes.high >>> 0).toNumber(true) : message.memoryFreeBytes;
                    if (message.engineSteps != null && $Object.hasOwnProperty.call(message, "engineSteps"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.engineSteps = typeof message.engineSteps === "number" ? $BigInt(message.engineSteps) : $util.Long.fromBits(message.engineSteps.low >>> 0, message.engineSteps.high >>> 0, true).toBigInt();
                        else if (typeof message.engineSteps === "number")
                            object.engineSteps = options.longs === $String ? $String(message.engineSteps) : message.engineSteps;
                        else
                            object.engineSteps = options.longs === $String ? $util.Long.prototype.toString.call(message.engineSteps) : options.longs === $Number ? new $util.LongBits(message.engineSteps.low >>> 0, message.engineSteps.high >>> 0).toNumber(true) : message.engineSteps;
                    if (message.draining != null && $Object.hasOwnProperty.call(message, "draining"))
                        object.draining = message.draining;
                    if (message.jobsFinished != null && $Object.hasOwnProperty.call(message, "jobsFinished"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.jobsFinished = typeof message.jobsFinished === "number" ? $BigInt(message.jobsFinished) : $util.Long.fromBits(message.jobsFinished.low >>> 0, message.jobsFinished.high >>> 0, true).toBigInt();
                        else if (typeof message.jobsFinished === "number")
                            object.jobsFinished = options.longs === $String ? $String(message.jobsFinished) : message.jobsFinished;
                        else
                            object.jobsFinished = options.longs === $String ? $util.Long.prototype.toString.call(message.jobsFinished) : options.longs === $Number ? new $util.LongBits(message.jobsFinished.low >>> 0, message.jobsFinished.high >>> 0).toNumber(true) : message.jobsFinished;
                    if (message.kvPreemptions != null && $Object.hasOwnProperty.call(message, "kvPreemptions"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.kvPreemptions = typeof message.kvPreemptions === "number" ? $BigInt(message.kvPreemptions) : $util.Long.fromBits(message.kvPreemptions.low >>> 0, message.kvPreemptions.high >>> 0, true).toBigInt();
                        else if (typeof message.kvPreemptions === "number")
                            object.kvPreemptions = options.longs === $String ? $String(message.kvPreemptions) : message.kvPreemptions;
                        else
                            object.kvPreemptions = options.longs === $String ? $util.Long.prototype.toString.call(message.kvPreemptions) : options.longs === $Number ? new $util.LongBits(message.kvPreemptions.low >>> 0, message.kvPreemptions.high >>> 0).toNumber(true) : message.kvPreemptions;
                    return object;
                };

                /**
                 * Converts this Stats to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.Stats
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Stats.prototype.toJSON = function() {
                    return Stats.toObject(this, $protobuf.util.toJSONOptions);
                };

                return Stats;
            })();

            v1.Heartbeat = (function() {

                /**
                 * Properties of a Heartbeat.
                 * @typedef {Object} llorch.worker.v1.Heartbeat.$Properties
                 * @property {number|null} [engineSteps] Engine steps since load.
                 * @property {number|null} [activeJobs] Jobs the worker holds (running or waiting).
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Heartbeat.
                 * @memberof llorch.worker.v1
                 * @interface IHeartbeat
                 * @augments llorch.worker.v1.Heartbeat.$Properties
                 * @deprecated Use llorch.worker.v1.Heartbeat.$Properties instead.
                 */

                /**
                 * Shape of a Heartbeat.
                 * @typedef {llorch.worker.v1.Heartbeat.$Properties} llorch.worker.v1.Heartbeat.$Shape
                 */

                /**
                 * Constructs a new Heartbeat.
                 * @memberof llorch.worker.v1
                 * @classdesc The engine is making progress. A worker whose engine_steps stops growing while it has
                 * jobs is stalled, whatever its socket does.
                 * @constructor
                 * @param {llorch.worker.v1.Heartbeat.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Heartbeat = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Engine steps since load.
                 * @member {number} engineSteps
                 * @memberof llorch.worker.v1.Heartbeat
                 * @instance
                 */
                Heartbeat.prototype.engineSteps = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Jobs the worker holds (running or waiting).
                 * @member {number} activeJobs
                 * @memberof llorch.worker.v1.Heartbeat
                 * @instance
                 */
                Heartbeat.prototype.activeJobs = 0;

                /**
                 * Creates a new Heartbeat instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.Heartbeat
                 * @static
                 * @param {llorch.worker.v1.Heartbeat.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.Heartbeat} Heartbeat instance
                 * @type {{
                 *   (properties: llorch.worker.v1.Heartbeat.$Shape): llorch.worker.v1.Heartbeat & llorch.worker.v1.Heartbeat.$Shape;
                 *   (properties?: llorch.worker.v1.Heartbeat.$Properties): llorch.worker.v1.Heartbeat;
                 * }}
                 */
                Heartbeat.create = function(properties) {
                    return new Heartbeat(properties);
                };

                /**
                 * Encodes the specified Heartbeat message. Does not implicitly {@link llorch.worker.v1.Heartbeat.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.Heartbeat
                 * @static
                 * @param {llorch.worker.v1.Heartbeat.$Properties} message Heartbeat message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Heartbeat.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.engineSteps != null && $Object.hasOwnProperty.call(message, "engineSteps") && (typeof message.engineSteps === "object" ? message.engineSteps.low || message.engineSteps.high : message.engineSteps !== 0))
                        writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.engineSteps);
                    if (message.activeJobs != null && $Object.hasOwnProperty.call(message, "activeJobs") && message.activeJobs !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.activeJobs);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Heartbeat message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.Heartbeat
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Heartbeat & llorch.worker.v1.Heartbeat.$Shape} Heartbeat
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Heartbeat.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.Heartbeat();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.engineSteps = value;
                                else
                                    delete message.engineSteps;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.activeJobs = value;
                                else
                                    delete message.activeJobs;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a Heartbeat message.
                 * @function verify
                 * @memberof llorch.worker.v1.Heartbeat
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                Heartbeat.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.engineSteps != null && $Object.hasOwnProperty.call(message, "engineSteps"))
                        if (!$util.isInteger(message.engineSteps) && !(message.engineSteps && $util.isInteger(message.engineSteps.low) && $util.isInteger(message.engineSteps.high)))
                            return "engineSteps: integer|Long expected";
                    if (message.activeJobs != null && $Object.hasOwnProperty.call(message, "activeJobs"))
                        if (!$util.isInteger(message.activeJobs))
                            return "activeJobs: integer expected";
                    return null;
                };

                /**
                 * Creates a Heartbeat message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.Heartbeat
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.Heartbeat} Heartbeat
                 */
                Heartbeat.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.Heartbeat)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.Heartbeat: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.llorch.worker.v1.Heartbeat();
                    if (object.engineSteps != null)
                        if (typeof object.engineSteps === "object" ? object.engineSteps.low || object.engineSteps.high : $Number(object.engineSteps) !== 0)
                            if ($util.Long)
                                message.engineSteps = $util.Long.fromValue(object.engineSteps, true);
                            else if (typeof object.engineSteps === "string")
                                message.engineSteps = $parseInt(object.engineSteps, 10);
                            else if (typeof object.engineSteps === "number")
                                message.engineSteps = object.engineSteps;
                            else if (typeof object.engineSteps === "object")
                                message.engineSteps = new $util.LongBits(object.engineSteps.low >>> 0, object.engineSteps.high >>> 0).toNumber(true);
                    if (object.activeJobs != null)
                        if ($Number(object.activeJobs) !== 0)
                            message.activeJobs = object.activeJobs >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from a Heartbeat message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.Heartbeat
                 * @static
                 * @param {llorch.worker.v1.Heartbeat} message Heartbeat
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Heartbeat.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.engineSteps = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.engineSteps = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.activeJobs = 0;
                    }
                    if (message.engineSteps != null && $Object.hasOwnProperty.call(message, "engineSteps"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.engineSteps = typeof message.engineSteps === "number" ? $BigInt(message.engineSteps) : $util.Long.fromBits(message.engineSteps.low >>> 0, message.engineSteps.high >>> 0, true).toBigInt();
                        else if (typeof message.engineSteps === "number")
                            object.engineSteps = options.longs === $String ? $String(message.engineSteps) : message.engineSteps;
                        else
                            object.engineSteps = options.longs === $String ? $util.Long.prototype.toString.call(message.engineSteps) : options.longs === $Number ? new $util.LongBits(message.engineSteps.low >>> 0, message.engineSteps.high >>> 0).toNumber(true) : message.engineSteps;
                    if (message.activeJobs != null && $Object.hasOwnProperty.call(message, "activeJobs"))
                        object.activeJobs = message.activeJobs;
                    return object;
                };

                /**
                 * Converts this Heartbeat to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.Heartbeat
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Heartbeat.prototype.toJSON = function() {
                    return Heartbeat.toObject(this, $protobuf.util.toJSONOptions);
                };

                return Heartbeat;
            })();

            v1.Drain = (function() {

                /**
                 * Properties of a Drain.
                 * @typedef {Object} llorch.worker.v1.Drain.$Properties
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Drain.
                 * @memberof llorch.worker.v1
                 * @interface IDrain
                 * @augments llorch.worker.v1.Drain.$Properties
                 * @deprecated Use llorch.worker.v1.Drain.$Properties instead.
                 */

                /**
                 * Shape of a Drain.
                 * @typedef {llorch.worker.v1.Drain.$Properties} llorch.worker.v1.Drain.$Shape
                 */

                /**
                 * Constructs a new Drain.
                 * @memberof llorch.worker.v1
                 * @classdesc Finish running jobs, refuse new Submit with WORKER_ERR_DRAINING.
                 * @constructor
                 * @param {llorch.worker.v1.Drain.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Drain = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Creates a new Drain instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.Drain
                 * @static
                 * @param {llorch.worker.v1.Drain.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.Drain} Drain instance
                 * @type {{
                 *   (properties: llorch.worker.v1.Drain.$Shape): llorch.worker.v1.Drain & llorch.worker.v1.Drain.$Shape;
                 *   (properties?: llorch.worker.v1.Drain.$Properties): llorch.worker.v1.Drain;
                 * }}
                 */
                Drain.create = function(properties) {
                    return new Drain(properties);
                };

                /**
                 * Encodes the specified Drain message. Does not implicitly {@link llorch.worker.v1.Drain.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.Drain
                 * @static
                 * @param {llorch.worker.v1.Drain.$Properties} message Drain message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Drain.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Drain message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.Drain
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Drain & llorch.worker.v1.Drain.$Shape} Drain
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Drain.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.Drain();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        reader.skipType(tag & 7, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a Drain message.
                 * @function verify
                 * @memberof llorch.worker.v1.Drain
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                Drain.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    return null;
                };

                /**
                 * Creates a Drain message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.Drain
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.Drain} Drain
                 */
                Drain.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.Drain)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.Drain: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    return new $root.llorch.worker.v1.Drain();
                };

                /**
                 * Creates a plain object from a Drain message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.Drain
                 * @static
                 * @param {llorch.worker.v1.Drain} message Drain
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Drain.toObject = function () {
                    return {};
                };

                /**
                 * Converts this Drain to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.Drain
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Drain.prototype.toJSON = function() {
                    return Drain.toObject(this, $protobuf.util.toJSONOptions);
                };

                return Drain;
            })();

            v1.Drained = (function() {

                /**
                 * Properties of a Drained.
                 * @typedef {Object} llorch.worker.v1.Drained.$Properties
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Drained.
                 * @memberof llorch.worker.v1
                 * @interface IDrained
                 * @augments llorch.worker.v1.Drained.$Properties
                 * @deprecated Use llorch.worker.v1.Drained.$Properties instead.
                 */

                /**
                 * Shape of a Drained.
                 * @typedef {llorch.worker.v1.Drained.$Properties} llorch.worker.v1.Drained.$Shape
                 */

                /**
                 * Constructs a new Drained.
                 * @memberof llorch.worker.v1
                 * @classdesc All jobs have finished after a Drain.
                 * @constructor
                 * @param {llorch.worker.v1.Drained.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Drained = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Creates a new Drained instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.Drained
                 * @static
                 * @param {llorch.worker.v1.Drained.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.Drained} Drained instance
                 * @type {{
                 *   (properties: llorch.worker.v1.Drained.$Shape): llorch.worker.v1.Drained & llorch.worker.v1.Drained.$Shape;
                 *   (properties?: llorch.worker.v1.Drained.$Properties): llorch.worker.v1.Drained;
                 * }}
                 */
                Drained.create = function(properties) {
                    return new Drained(properties);
                };

                /**
                 * Encodes the specified Drained message. Does not implicitly {@link llorch.worker.v1.Drained.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.Drained
                 * @static
                 * @param {llorch.worker.v1.Drained.$Properties} message Drained message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Drained.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Drained message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.Drained
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Drained & llorch.worker.v1.Drained.$Shape} Drained
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Drained.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.Drained();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        reader.skipType(tag & 7, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a Drained message.
                 * @function verify
                 * @memberof llorch.worker.v1.Drained
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                Drained.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    return null;
                };

                /**
                 * Creates a Drained message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.Drained
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.Drained} Drained
                 */
                Drained.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.Drained)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.Drained: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    return new $root.llorch.worker.v1.Drained();
                };

                /**
                 * Creates a plain object from a Drained message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.Drained
                 * @static
                 * @param {llorch.worker.v1.Drained} message Drained
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Drained.toObject = function () {
                    return {};
                };

                /**
                 * Converts this Drained to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.Drained
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Drained.prototype.toJSON = function() {
                    return Drained.toObject(this, $protobuf.util.toJSONOptions);
                };

                return Drained;
            })();

            v1.Shutdown = (function() {

                /**
                 * Properties of a Shutdown.
                 * @typedef {Object} llorch.worker.v1.Shutdown.$Properties
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Shutdown.
                 * @memberof llorch.worker.v1
                 * @interface IShutdown
                 * @augments llorch.worker.v1.Shutdown.$Properties
                 * @deprecated Use llorch.worker.v1.Shutdown.$Properties instead.
                 */

                /**
                 * Shape of a Shutdown.
                 * @typedef {llorch.worker.v1.Shutdown.$Properties} llorch.worker.v1.Shutdown.$Shape
                 */

                /**
                 * Constructs a new Shutdown.
                 * @memberof llorch.worker.v1
                 * @classdesc Cancel every job (JobDone CANCELLED), release the engine and exit with status 0.
                 * @constructor
                 * @param {llorch.worker.v1.Shutdown.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Shutdown = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Creates a new Shutdown instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.Shutdown
                 * @static
                 * @param {llorch.worker.v1.Shutdown.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.Shutdown} Shutdown instance
                 * @type {{
                 *   (properties: llorch.worker.v1.Shutdown.$Shape): llorch.worker.v1.Shutdown & llorch.worker.v1.Shutdown.$Shape;
                 *   (properties?: llorch.worker.v1.Shutdown.$Properties): llorch.worker.v1.Shutdown;
                 * }}
                 */
                Shutdown.create = function(properties) {
                    return new Shutdown(properties);
                };

                /**
                 * Encodes the specified Shutdown message. Does not implicitly {@link llorch.worker.v1.Shutdown.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.Shutdown
                 * @static
                 * @param {llorch.worker.v1.Shutdown.$Properties} message Shutdown message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Shutdown.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Shutdown message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.Shutdown
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Shutdown & llorch.worker.v1.Shutdown.$Shape} Shutdown
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Shutdown.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.Shutdown();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        reader.skipType(tag & 7, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a Shutdown message.
                 * @function verify
                 * @memberof llorch.worker.v1.Shutdown
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                Shutdown.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    return null;
                };

                /**
                 * Creates a Shutdown message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.Shutdown
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.Shutdown} Shutdown
                 */
                Shutdown.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.Shutdown)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.Shutdown: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    return new $root.llorch.worker.v1.Shutdown();
                };

                /**
                 * Creates a plain object from a Shutdown message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.Shutdown
                 * @static
                 * @param {llorch.worker.v1.Shutdown} message Shutdown
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Shutdown.toObject = function () {
                    return {};
                };

                /**
                 * Converts this Shutdown to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.Shutdown
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Shutdown.prototype.toJSON = function() {
                    return Shutdown.toObject(this, $protobuf.util.toJSONOptions);
                };

                return Shutdown;
            })();

            v1.Ping = (function() {

                /**
                 * Properties of a Ping.
                 * @typedef {Object} llorch.worker.v1.Ping.$Properties
                 * @property {number|null} [nonce] Echoed in the Pong.
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Ping.
                 * @memberof llorch.worker.v1
                 * @interface IPing
                 * @augments llorch.worker.v1.Ping.$Properties
                 * @deprecated Use llorch.worker.v1.Ping.$Properties instead.
                 */

                /**
                 * Shape of a Ping.
                 * @typedef {llorch.worker.v1.Ping.$Properties} llorch.worker.v1.Ping.$Shape
                 */

                /**
                 * Constructs a new Ping.
                 * @memberof llorch.worker.v1
                 * @classdesc Liveness probe of the IPC path.
                 * @constructor
                 * @param {llorch.worker.v1.Ping.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Ping = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Echoed in the Pong.
                 * @member {number} nonce
                 * @memberof llorch.worker.v1.Ping
                 * @instance
                 */
                Ping.prototype.nonce = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Creates a new Ping instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.Ping
                 * @static
                 * @param {llorch.worker.v1.Ping.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.Ping} Ping instance
                 * @type {{
                 *   (properties: llorch.worker.v1.Ping.$Shape): llorch.worker.v1.Ping & llorch.worker.v1.Ping.$Shape;
                 *   (properties?: llorch.worker.v1.Ping.$Properties): llorch.worker.v1.Ping;
                 * }}
                 */
                Ping.create = function(properties) {
                    return new Ping(properties);
                };

                /**
                 * Encodes the specified Ping message. Does not implicitly {@link llorch.worker.v1.Ping.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.Ping
                 * @static
                 * @param {llorch.worker.v1.Ping.$Properties} message Ping message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Ping.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && (typeof message.nonce === "object" ? message.nonce.low || message.nonce.high : message.nonce !== 0))
                        writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.nonce);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Ping message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.Ping
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Ping & llorch.worker.v1.Ping.$Shape} Ping
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Ping.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.Ping();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.nonce = value;
                                else
                                    delete message.nonce;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a Ping message.
                 * @function verify
                 * @memberof llorch.worker.v1.Ping
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                Ping.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce"))
                        if (!$util.isInteger(message.nonce) && !(message.nonce && $util.isInteger(message.nonce.low) && $util.isInteger(message.nonce.high)))
                            return "nonce: integer|Long expected";
                    return null;
                };

                /**
                 * Creates a Ping message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.Ping
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.Ping} Ping
                 */
                Ping.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.Ping)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.Ping: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.llorch.worker.v1.Ping();
                    if (object.nonce != null)
                        if (typeof object.nonce === "object" ? object.nonce.low || object.nonce.high : $Number(object.nonce) !== 0)
                            if ($util.Long)
                                message.nonce = $util.Long.fromValue(object.nonce, true);
                            else if (typeof object.nonce === "string")
                                message.nonce = $parseInt(object.nonce, 10);
                            else if (typeof object.nonce === "number")
                                message.nonce = object.nonce;
                            else if (typeof object.nonce === "object")
                                message.nonce = new $util.LongBits(object.nonce.low >>> 0, object.nonce.high >>> 0).toNumber(true);
                    return message;
                };

                /**
                 * Creates a plain object from a Ping message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.Ping
                 * @static
                 * @param {llorch.worker.v1.Ping} message Ping
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Ping.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults)
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.nonce = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.nonce = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.nonce = typeof message.nonce === "number" ? $BigInt(message.nonce) : $util.Long.fromBits(message.nonce.low >>> 0, message.nonce.high >>> 0, true).toBigInt();
                        else if (typeof message.nonce === "number")
                            object.nonce = options.longs === $String ? $String(message.nonce) : message.nonce;
                        else
                            object.nonce = options.longs === $String ? $util.Long.prototype.toString.call(message.nonce) : options.longs === $Number ? new $util.LongBits(message.nonce.low >>> 0, message.nonce.high >>> 0).toNumber(true) : message.nonce;
                    return object;
                };

                /**
                 * Converts this Ping to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.Ping
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Ping.prototype.toJSON = function() {
                    return Ping.toObject(this, $protobuf.util.toJSONOptions);
                };

                return Ping;
            })();

            v1.Pong = (function() {

                /**
                 * Properties of a Pong.
                 * @typedef {Object} llorch.worker.v1.Pong.$Properties
                 * @property {number|null} [nonce] The Ping's nonce.
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Pong.
                 * @memberof llorch.worker.v1
                 * @interface IPong
                 * @augments llorch.worker.v1.Pong.$Properties
                 * @deprecated Use llorch.worker.v1.Pong.$Properties instead.
                 */

                /**
                 * Shape of a Pong.
                 * @typedef {llorch.worker.v1.Pong.$Properties} llorch.worker.v1.Pong.$Shape
                 */

                /**
                 * Constructs a new Pong.
                 * @memberof llorch.worker.v1
                 * @classdesc Answer to a Ping.
                 * @constructor
                 * @param {llorch.worker.v1.Pong.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Pong = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * The Ping's nonce.
                 * @member {number} nonce
                 * @memberof llorch.worker.v1.Pong
                 * @instance
                 */
                Pong.prototype.nonce = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Creates a new Pong instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.Pong
                 * @static
                 * @param {llorch.worker.v1.Pong.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.Pong} Pong instance
                 * @type {{
                 *   (properties: llorch.worker.v1.Pong.$Shape): llorch.worker.v1.Pong & llorch.worker.v1.Pong.$Shape;
                 *   (properties?: llorch.worker.v1.Pong.$Properties): llorch.worker.v1.Pong;
                 * }}
                 */
                Pong.create = function(properties) {
                    return new Pong(properties);
                };

                /**
                 * Encodes the specified Pong message. Does not implicitly {@link llorch.worker.v1.Pong.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.Pong
                 * @static
                 * @param {llorch.worker.v1.Pong.$Properties} message Pong message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Pong.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && (typeof message.nonce === "object" ? message.nonce.low || message.nonce.high : message.nonce !== 0))
                        writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.nonce);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Pong message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.Pong
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.Pong & llorch.worker.v1.Pong.$Shape} Pong
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Pong.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.Pong();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.nonce = value;
                                else
                                    delete message.nonce;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a Pong message.
                 * @function verify
                 * @memberof llorch.worker.v1.Pong
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                Pong.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce"))
                        if (!$util.isInteger(message.nonce) && !(message.nonce && $util.isInteger(message.nonce.low) && $util.isInteger(message.nonce.high)))
                            return "nonce: integer|Long expected";
                    return null;
                };

                /**
                 * Creates a Pong message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.Pong
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.Pong} Pong
                 */
                Pong.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.Pong)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.Pong: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.llorch.worker.v1.Pong();
                    if (object.nonce != null)
                        if (typeof object.nonce === "object" ? object.nonce.low || object.nonce.high : $Number(object.nonce) !== 0)
                            if ($util.Long)
                                message.nonce = $util.Long.fromValue(object.nonce, true);
                            else if (typeof object.nonce === "string")
                                message.nonce = $parseInt(object.nonce, 10);
                            else if (typeof object.nonce === "number")
                                message.nonce = object.nonce;
                            else if (typeof object.nonce === "object")
                                message.nonce = new $util.LongBits(object.nonce.low >>> 0, object.nonce.high >>> 0).toNumber(true);
                    return message;
                };

                /**
                 * Creates a plain object from a Pong message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.Pong
                 * @static
                 * @param {llorch.worker.v1.Pong} message Pong
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Pong.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults)
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.nonce = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.nonce = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.nonce = typeof message.nonce === "number" ? $BigInt(message.nonce) : $util.Long.fromBits(message.nonce.low >>> 0, message.nonce.high >>> 0, true).toBigInt();
                        else if (typeof message.nonce === "number")
                            object.nonce = options.longs === $String ? $String(message.nonce) : message.nonce;
                        else
                            object.nonce = options.longs === $String ? $util.Long.prototype.toString.call(message.nonce) : options.longs === $Number ? new $util.LongBits(message.nonce.low >>> 0, message.nonce.high >>> 0).toNumber(true) : message.nonce;
                    return object;
                };

                /**
                 * Converts this Pong to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.Pong
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Pong.prototype.toJSON = function() {
                    return Pong.toObject(this, $protobuf.util.toJSONOptions);
                };

                return Pong;
            })();

            v1.FrameRejected = (function() {

                /**
                 * Properties of a FrameRejected.
                 * @typedef {Object} llorch.worker.v1.FrameRejected.$Properties
                 * @property {string|null} [code] Stable code: PROTOCOL_ERR_* for frames that did not decode, WORKER_ERR_* otherwise.
                 * @property {string|null} [message] What was wrong with it.
                 * @property {string|null} [jobId] The job id the frame named, if any.
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a FrameRejected.
                 * @memberof llorch.worker.v1
                 * @interface IFrameRejected
                 * @augments llorch.worker.v1.FrameRejected.$Properties
                 * @deprecated Use llorch.worker.v1.FrameRejected.$Properties instead.
                 */

                /**
                 * Shape of a FrameRejected.
                 * @typedef {llorch.worker.v1.FrameRejected.$Properties} llorch.worker.v1.FrameRejected.$Shape
                 */

                /**
                 * Constructs a new FrameRejected.
                 * @memberof llorch.worker.v1
                 * @classdesc A received frame could not be acted on. Nothing else happens because of that frame.
                 * @constructor
                 * @param {llorch.worker.v1.FrameRejected.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const FrameRejected = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Stable code: PROTOCOL_ERR_* for frames that did not decode, WORKER_ERR_* otherwise.
                 * @member {string} code
                 * @memberof llorch.worker.v1.FrameRejected
                 * @instance
                 */
                FrameRejected.prototype.code = "";

                /**
                 * What was wrong with it.
                 * @member {string} message
                 * @memberof llorch.worker.v1.FrameRejected
                 * @instance
                 */
                FrameRejected.prototype.message = "";

                /**
                 * The job id the frame named, if any.
                 * @member {string} jobId
                 * @memberof llorch.worker.v1.FrameRejected
                 * @instance
                 */
                FrameRejected.prototype.jobId = "";

                /**
                 * Creates a new FrameRejected instance using the specified properties.
                 * @function create
                 * @memberof llorch.worker.v1.FrameRejected
                 * @static
                 * @param {llorch.worker.v1.FrameRejected.$Properties=} [properties] Properties to set
                 * @returns {llorch.worker.v1.FrameRejected} FrameRejected instance
                 * @type {{
                 *   (properties: llorch.worker.v1.FrameRejected.$Shape): llorch.worker.v1.FrameRejected & llorch.worker.v1.FrameRejected.$Shape;
                 *   (properties?: llorch.worker.v1.FrameRejected.$Properties): llorch.worker.v1.FrameRejected;
                 * }}
                 */
                FrameRejected.create = function(properties) {
                    return new FrameRejected(properties);
                };

                /**
                 * Encodes the specified FrameRejected message. Does not implicitly {@link llorch.worker.v1.FrameRejected.verify|verify} messages.
                 * @function encode
                 * @memberof llorch.worker.v1.FrameRejected
                 * @static
                 * @param {llorch.worker.v1.FrameRejected.$Properties} message FrameRejected message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                FrameRejected.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
                    if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
                    if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId") && message.jobId !== "")
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.jobId);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a FrameRejected message from the specified reader or buffer.
                 * @function decode
                 * @memberof llorch.worker.v1.FrameRejected
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {llorch.worker.v1.FrameRejected & llorch.worker.v1.FrameRejected.$Shape} FrameRejected
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                FrameRejected.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.llorch.worker.v1.FrameRejected();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.code = value;
                                else
                                    delete message.code;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.message = value;
                                else
                                    delete message.message;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.jobId = value;
                                else
                                    delete message.jobId;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a FrameRejected message.
                 * @function verify
                 * @memberof llorch.worker.v1.FrameRejected
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                FrameRejected.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                        if (!$util.isString(message.code))
                            return "code: string expected";
                    if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                        if (!$util.isString(message.message))
                            return "message: string expected";
                    if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                        if (!$util.isString(message.jobId))
                            return "jobId: string expected";
                    return null;
                };

                /**
                 * Creates a FrameRejected message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof llorch.worker.v1.FrameRejected
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {llorch.worker.v1.FrameRejected} FrameRejected
                 */
                FrameRejected.fromObject = function (object, _depth) {
                    if (object instanceof $root.llorch.worker.v1.FrameRejected)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".llorch.worker.v1.FrameRejected: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.llorch.worker.v1.FrameRejected();
                    if (object.code != null)
                        if (typeof object.code !== "string" || object.code.length)
                            message.code = $String(object.code);
                    if (object.message != null)
                        if (typeof object.message !== "string" || object.message.length)
                            message.message = $String(object.message);
                    if (object.jobId != null)
                        if (typeof object.jobId !== "string" || object.jobId.length)
                            message.jobId = $String(object.jobId);
                    return message;
                };

                /**
                 * Creates a plain object from a FrameRejected message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof llorch.worker.v1.FrameRejected
                 * @static
                 * @param {llorch.worker.v1.FrameRejected} message FrameRejected
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                FrameRejected.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.code = "";
                        object.message = "";
                        object.jobId = "";
                    }
                    if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                        object.code = message.code;
                    if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                        object.message = message.message;
                    if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                        object.jobId = message.jobId;
                    return object;
                };

                /**
                 * Converts this FrameRejected to JSON.
                 * @function toJSON
                 * @memberof llorch.worker.v1.FrameRejected
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                FrameRejected.prototype.toJSON = function() {
                    return FrameRejected.toObject(this, $protobuf.util.toJSONOptions);
                };

                return FrameRejected;
            })();

            return v1;
        })();

        return worker;
    })();

    return llorch;
})();

export { $root as default };
