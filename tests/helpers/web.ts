import http from 'node:http';
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import type { WebServer } from '../../src-main/server/server';

export interface LargeSendResult {
  /** Undefined when no answer arrived before the connection ended. */
  status: number | undefined;
  body: string;
  /** Bytes of body the client produced before the connection ended. */
  produced: number;
  /** Bytes the server's socket read off the wire (headers included). */
  serverRead: number;
}

/**
 * Posts `total` bytes, produced 64 KB at a time as the socket takes them, and reports what the
 * server answered and how much it read. With `declare` the size goes in Content-Length,
 * otherwise the body is chunked and the server only learns its size by counting.
 */
export function sendLargeBody(
  server: WebServer,
  opts: { path: string; headers: Record<string, string>; total: number; declare: boolean },
): Promise<LargeSendResult> {
  const serverSockets: Socket[] = [];
  const onConnection = (s: Socket) => serverSockets.push(s);
  server.http.on('connection', onConnection);
  return new Promise((resolve, reject) => {
    let produced = 0;
    let status: number | undefined;
    let body = '';
    let pending = 2;
    const done = () => {
      if (--pending > 0) return;
      server.http.off('connection', onConnection);
      const serverRead = serverSockets.reduce((n, s) => n + s.bytesRead, 0);
      resolve({ status, body, produced, serverRead });
    };
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    const source = new Readable({
      read() {
        if (produced >= opts.total) return void this.push(null);
        produced += chunk.length;
        this.push(chunk);
      },
    });
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        // A connection of its own, so the server's socket for it can be counted.
        agent: false,
        path: opts.path,
        method: 'POST',
        headers: {
          Host: `127.0.0.1:${server.port}`,
          ...(opts.declare ? { 'Content-Length': String(opts.total) } : {}),
          ...opts.headers,
        },
      },
      (res) => {
        status = res.statusCode;
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          body += c;
        });
        res.on('close', done);
      },
    );
    // Writing into a connection the server has closed fails; that is the point, not an error here.
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE' && err.code !== 'ECONNRESET') reject(err);
    });
    req.on('close', () => {
      source.destroy();
      if (status === undefined) pending--;
      done();
    });
    source.pipe(req);
  });
}
