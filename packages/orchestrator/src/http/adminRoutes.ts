import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { Router } from 'express';
import { z } from 'zod';
import { modelSchema } from '../config.js';
import { OrchError } from '../errors.js';
import type { AppContext } from './AppContext.js';
import { rememberBase } from './routeLabel.js';
import { bearer } from './bearer.js';

const loadBody = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'invalid model name'),
  ...modelSchema.shape,
});

/**
 * The model directory's real path and the requested file's, so that neither `..` nor a
 * symlink leads outside it.
 */
async function resolveInside(modelDir: string | undefined, requested: string): Promise<string> {
  if (modelDir === undefined) {
    throw new OrchError(
      'ORCH_ERR_FORBIDDEN_PATH',
      'no modelDir is configured: loading models at run time is off',
      {
        param: 'path',
      },
    );
  }
  const root = await realpath(modelDir).catch((err: unknown) => {
    throw new OrchError('ORCH_ERR_CONFIG', `modelDir ${modelDir} is not readable`, { cause: err });
  });
  const candidate = path.resolve(root, requested);
  const outside = (p: string) => p !== root && !p.startsWith(root + path.sep);
  if (outside(candidate)) {
    throw new OrchError(
      'ORCH_ERR_FORBIDDEN_PATH',
      `path "${requested}" is outside the model directory`,
      {
        param: 'path',
      },
    );
  }
  const real = await realpath(candidate).catch(() => {
    throw new OrchError(
      'ORCH_ERR_INVALID_REQUEST',
      `path "${requested}": no such file in the model directory`,
      {
        param: 'path',
      },
    );
  });
  if (outside(real)) {
    throw new OrchError(
      'ORCH_ERR_FORBIDDEN_PATH',
      `path "${requested}" leads outside the model directory`,
      {
        param: 'path',
      },
    );
  }
  return real;
}

/** Worker and model lifecycle, mounted under /admin; absent when no admin token is configured. */
export function adminRoutes(ctx: AppContext, token: string): Router {
  const r = Router();
  r.use(rememberBase);
  r.use(bearer(() => [token], 'the admin API'));

  r.get('/workers', (_req, res) => {
    const handles = new Map(
      ctx.scheduler.replicaHandles().map((h) => [h.describe().id, h.describe()]),
    );
    res.json({
      models: ctx.scheduler.views().map((m) => ({
        name: m.name,
        path: m.config.path,
        unloading: m.unloading,
        queued: m.queued,
        running: m.running,
        workers: m.replicas.map((rep) => ({
          ...handles.get(rep.id),
          running: rep.running,
          capacity: rep.capacity,
          engine: rep.info,
        })),
      })),
    });
  });

  r.post('/models', async (req, res) => {
    const parsed = loadBody.safeParse(req.body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const param = issue.path.map(String).join('.');
      throw new OrchError('ORCH_ERR_INVALID_REQUEST', `${param || 'body'}: ${issue.message}`, {
        param: param || undefined,
      });
    }
    const { name, ...model } = parsed.data;
    model.path = await resolveInside(ctx.config.modelDir, model.path);
    res.locals.log.info({ model: name, path: model.path }, 'admin: load model');
    await ctx.loadModel(name, model);
    res.status(202).json({ name, path: model.path, state: 'loading' });
  });

  r.delete('/models/:name', async (req, res) => {
    const name = String(req.params.name);
    res.locals.log.info({ model: name }, 'admin: unload model');
    await ctx.unloadModel(name);
    res.json({ name, state: 'unloaded' });
  });

  r.post('/workers/:id/restart', (req, res) => {
    ctx.scheduler.restartReplica(String(req.params.id));
    res.status(202).json({ id: req.params.id, action: 'restart' });
  });

  r.post('/workers/:id/drain', (req, res) => {
    ctx.scheduler.drainReplica(String(req.params.id));
    res.status(202).json({ id: req.params.id, action: 'drain' });
  });

  return r;
}
