import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { OrchError } from '../errors.js';
import { Orchestrator } from '../Orchestrator.js';
import type { CommandIo } from './CommandIo.js';

const USAGE = `usage: llorch serve [--config FILE] [--model NAME=FILE ...] [--device cpu|cuda:N ...]
                    [--replicas N] [--ctx N] [--max-seqs N] [--threads N] [--host H] [--port N]
                    [--model-dir DIR] [--log-level LEVEL]
Environment: LLORCH_CONFIG, LLORCH_HOST, LLORCH_PORT, LLORCH_ADMIN_TOKEN, LLORCH_API_KEYS,
             LLORCH_MODEL_DIR, LLORCH_LOG_LEVEL (flags win over environment over the file).`;

/** `llorch serve`: runs the orchestrator until SIGTERM or SIGINT, then drains and exits 0. */
export async function run(argv: string[], io: CommandIo = process): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        config: { type: 'string' },
        model: { type: 'string', multiple: true },
        device: { type: 'string', multiple: true },
        replicas: { type: 'string' },
        ctx: { type: 'string' },
        'max-seqs': { type: 'string' },
        threads: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        'model-dir': { type: 'string' },
        'log-level': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    io.stderr.write(`llorch serve: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help === true) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }

  let orch: Orchestrator;
  try {
    const config = await loadConfig({
      env: process.env,
      flags: {
        config: values.config,
        model: values.model,
        device: values.device,
        replicas: values.replicas,
        ctx: values.ctx,
        maxSeqs: values['max-seqs'],
        threads: values.threads,
        host: values.host,
        port: values.port,
        modelDir: values['model-dir'],
        logLevel: values['log-level'],
      },
    });
    orch = await Orchestrator.start(config);
  } catch (err) {
    const code = err instanceof OrchError ? `${err.code}: ` : '';
    io.stderr.write(`llorch serve: ${code}${(err as Error).message}\n`);
    return 1;
  }

  await new Promise<void>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      orch.log.info({ signal }, 'signal received');
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      void orch.shutdown().then(resolve);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
  return 0;
}
