import { describe, expect, it } from 'vitest';
import { ApiCallError, createApi } from '../../../../src-renderer/src/api/client';
import { createHttpBridge, type FetchLike } from '../../../../src-renderer/src/api/http-bridge';
import { takeTokenFromUrl } from '../../../../src-renderer/src/api/token';

function fakeFetch(status: number, body: unknown) {
  const calls: Array<{ url: string; headers: Record<string, string>; body: string }> = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, headers: init.headers, body: init.body });
    return { status, json: async () => body };
  };
  return { fetch, calls };
}

const describeFailure = (f: string) => `transport:${f}`;

describe('the HTTP bridge and typed client', () => {
  it('posts {method, input} with the token and returns the value', async () => {
    const { fetch, calls } = fakeFetch(200, { ok: true, value: { city: 'Herning', kommuneCode: 657 } });
    const api = createApi(createHttpBridge({ token: 'T0K', fetch, describe: describeFailure }));
    await expect(api.call('reference.postcode', { postcode: '7400' })).resolves.toEqual({
      city: 'Herning',
      kommuneCode: 657,
    });
    expect(calls[0]?.url).toBe('/api/invoke');
    expect(calls[0]?.headers['X-Bindeled-Token']).toBe('T0K');
    expect(calls[0]?.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(calls[0]?.body ?? '')).toEqual({ method: 'reference.postcode', input: { postcode: '7400' } });
  });

  it('throws an ApiCallError carrying the field messages', async () => {
    const error = {
      code: 'invalid_input',
      message: 'CVR-nummeret 24256791 findes ikke',
      details: { fields: [{ field: 'changes.cvr', message: 'CVR-nummeret 24256791 findes ikke' }] },
    };
    const { fetch } = fakeFetch(200, { ok: false, error });
    const api = createApi(createHttpBridge({ token: 't', fetch, describe: describeFailure }));
    const err = await api.call('companies.update', { id: 1, changes: { cvr: '24256791' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiCallError);
    expect((err as ApiCallError).code).toBe('invalid_input');
    expect((err as ApiCallError).fieldMessages).toEqual({ cvr: 'CVR-nummeret 24256791 findes ikke' });
  });

  it('turns a refused token, a dead server and garbage into typed errors', async () => {
    const cases: Array<[FetchLike, string]> = [
      [fakeFetch(401, 'nope').fetch, 'unauthorized'],
      [() => Promise.reject(new TypeError('Failed to fetch')), 'network'],
      [fakeFetch(200, { something: 'else' }).fetch, 'bad_response'],
    ];
    for (const [fetch, code] of cases) {
      const api = createApi(createHttpBridge({ token: 't', fetch, describe: describeFailure }));
      const err = (await api.call('app.info', {}).catch((e: unknown) => e)) as ApiCallError;
      expect(err.code).toBe(code);
      expect(err.message).toBe(`transport:${code}`);
    }
  });

  it('opens one event stream for all listeners and closes it when the last leaves', () => {
    let opened = 0;
    let closed = 0;
    let push: (data: string) => void = () => {};
    const bridge = createHttpBridge({
      token: 'a b',
      fetch: fakeFetch(200, {}).fetch,
      describe: describeFailure,
      openEvents: (url, onData) => {
        opened++;
        expect(url).toBe('/api/events?token=a%20b');
        push = onData;
        return () => closed++;
      },
    });
    const seen: number[] = [];
    const off1 = bridge.onEvent((e) => seen.push(e.done));
    const off2 = bridge.onEvent((e) => seen.push(e.done * 10));
    push(JSON.stringify({ jobId: 'j', method: 'x', done: 1, total: 2 }));
    push('not json');
    push(JSON.stringify({ unrelated: true }));
    expect(seen).toEqual([1, 10]);
    off1();
    expect(closed).toBe(0);
    off2();
    expect([opened, closed]).toEqual([1, 1]);
  });

  it('takes the token from the address and leaves the route in place', () => {
    expect(takeTokenFromUrl('http://127.0.0.1:5180/?token=abc#/companies/3')).toEqual({
      token: 'abc',
      cleanUrl: '/#/companies/3',
    });
    expect(takeTokenFromUrl('http://127.0.0.1:5180/#/companies').token).toBeNull();
  });
});
