import type { Request, RequestHandler, Response } from 'express';

/**
 * Remembers the mount path of the router a request is in. Express resets `req.baseUrl` once a
 * router is left (an error thrown in a route unwinds it), so the metrics label is built from
 * this copy and the matched route pattern, never from the URL.
 */
export const rememberBase: RequestHandler = (req, res, next) => {
  res.locals.base = req.baseUrl;
  next();
};

/** `/v1/jobs/:id` style label of the route that handled the request, or `unmatched`. */
export function routeLabel(req: Request, res: Response): string {
  if (req.route === undefined) return 'unmatched';
  const base = typeof res.locals.base === 'string' ? res.locals.base : '';
  const label = `${base}${String(req.route.path)}`.replace(/\/$/, '');
  return label === '' ? '/' : label;
}
