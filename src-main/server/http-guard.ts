import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The browser-mode server is reachable by any page the user's browser opens, so every request
 * must prove it comes from Bindeled's own page: the right Host (no DNS rebinding), the right
 * Origin when the browser sends one (no cross-site posts), and the per-run token for the API.
 */
export interface GuardConfig {
  port: number;
  token: string;
}

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403 | 421; reason: string };

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function checkHostAndOrigin(req: IncomingMessage, cfg: GuardConfig): GuardVerdict {
  const host = req.headers.host ?? '';
  if (!allowedHosts(cfg.port).includes(host.toLowerCase())) {
    return { ok: false, status: 421, reason: `host ${host || '(none)'} refused` };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts(cfg.port).some((h) => origin.toLowerCase() === `http://${h}`)) {
    return { ok: false, status: 403, reason: `origin ${origin} refused` };
  }
  return { ok: true };
}

export function tokenMatches(given: string | undefined | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
