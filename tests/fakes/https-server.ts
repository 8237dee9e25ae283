import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Fake, FakeRequest, FakeResponse } from './fake';

/** A request as logged by the fake server, for assertions such as "this token only went to its host". */
export interface LoggedRequest {
  host: string;
  method: string;
  path: string;
  authorization?: string;
  /** Query string without the leading '?', where tokens must never appear except on their own host. */
  query: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  at: number;
  /** The label of the injected fault this request received, if any. */
  fault?: string;
}

/** A fault the next matching request receives instead of the fake's normal answer. */
export interface Fault {
  host: string;
  pathIncludes?: string;
  method?: string;
  /** Shown in the request log, so a test can count the faults that were actually served. */
  label?: string;
  response: FakeResponse;
  /**
   * The fake handles the request normally (the post is made) and only then answers late with
   * `response.delayMs`: the client times out not knowing the post exists.
   */
  afterHandling?: boolean;
  /** Closes the connection without an answer, as a dropped network does. */
  drop?: boolean;
}

let certificate: { key: Buffer; cert: Buffer } | undefined;

/** A self-signed certificate made once per test process with openssl (Chromium runs with --ignore-certificate-errors). */
function selfSignedCertificate() {
  if (certificate) return certificate;
  const dir = mkdtempSync(join(tmpdir(), 'siar-cert-'));
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=siar-fake', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
    { stdio: 'ignore' },
  );
  certificate = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  return certificate;
}

export interface FakeServer {
  port: number;
  log: LoggedRequest[];
  inject(fault: Fault): void;
  /** Drops the faults no request has received yet; returns how many there were. */
  clearFaults(): number;
  /** `MAP host 127.0.0.1:port` rules for every host this server answers, for --host-resolver-rules. */
  hostRules(): string[];
  close(): Promise<void>;
}

/** Starts one local server answering for every fake's real hostnames, dispatching on the Host header. */
export async function startFakeServer(fakes: Fake[], options: { tls?: boolean } = {}): Promise<FakeServer> {
  const byHost = new Map(fakes.flatMap((fake) => fake.hosts.map((host) => [host, fake] as const)));
  const log: LoggedRequest[] = [];
  const faults: Fault[] = [];
  const tls = options.tls ?? true;

  const listener = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    // In-process tests cannot set Host with fetch, so their router names the real host in x-fake-host.
    const forwarded = req.headers['x-fake-host'];
    const host = ((typeof forwarded === 'string' && forwarded) || req.headers.host || '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `${tls ? 'https' : 'http'}://${host}`);
    const body = Buffer.concat(chunks);
    const entry: LoggedRequest = {
      host,
      method: req.method ?? 'GET',
      path: url.pathname,
      body: body.toString('utf8'),
      at: Date.now(),
      authorization: req.headers.authorization,
      query: url.search.slice(1),
      headers: { ...req.headers },
    };
    log.push(entry);
    const request: FakeRequest = {
      host,
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      url,
    };
    const faultIndex = faults.findIndex(
      (f) => f.host === host && (!f.method || f.method === req.method) && (!f.pathIncludes || url.pathname.includes(f.pathIncludes)),
    );
    const fault = faultIndex >= 0 ? faults.splice(faultIndex, 1)[0] : undefined;
    if (fault) entry.fault = fault.label ?? 'fault';
    if (fault?.drop) return void res.destroy();
    const fake = byHost.get(host);
    let response: FakeResponse;
    if (fault && !fault.afterHandling) response = fault.response;
    else if (!fake) response = { status: 404, body: `no fake for ${host}` };
    else {
      try {
        response = await fake.handle(request);
      } catch (error) {
        response = { status: 500, body: `fake crashed: ${String(error)}` };
      }
      if (fault?.afterHandling) response = { ...response, delayMs: fault.response.delayMs };
    }
    if (response.delayMs) await new Promise((resolve) => setTimeout(resolve, response.delayMs));
    if (res.destroyed) return;
    const payload =
      response.body === undefined ? '' : Buffer.isBuffer(response.body) || typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
    res.writeHead(response.status, response.headers ?? {});
    res.end(payload);
  };

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    listener(req, res).catch(() => res.destroy());
  };
  const server = tls ? createHttpsServer(selfSignedCertificate(), handler) : createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    log,
    inject: (fault) => faults.push(fault),
    clearFaults: () => faults.splice(0).length,
    hostRules: () => [...byHost.keys()].map((host) => `MAP ${host} 127.0.0.1:${port}`),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
