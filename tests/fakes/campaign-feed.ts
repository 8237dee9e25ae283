import { createHash } from 'node:crypto';
import type { Fake, FakeRequest, FakeResponse } from './fake';

// A coordinating office's static host serving a Siar kit file (docs/campaign-kit.schema.json), answering
// conditional GETs as RFC 9110 §13.1.2 says: If-None-Match matching the current ETag gets 304 with no
// body (https://www.rfc-editor.org/rfc/rfc9110#section-13.1.2). The kits can be replaced mid-test.

export const CAMPAIGN_HOST = 'kampanye.komdigi.go.id';
export const CAMPAIGN_URL = `https://${CAMPAIGN_HOST}/siar/kits.json`;

export interface CampaignFeedFake extends Fake {
  /** The kit file's `kits` array; change it to publish a new version. */
  kits: unknown[];
  answers: { status: number; ifNoneMatch?: string }[];
}

export function createCampaignFeed(kits: unknown[]): CampaignFeedFake {
  const fake: CampaignFeedFake = {
    hosts: [CAMPAIGN_HOST],
    kits,
    answers: [],
    handle(request: FakeRequest): FakeResponse {
      if (request.path !== '/siar/kits.json') return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
      const body = JSON.stringify({ siarKits: 1, publisher: { name: 'Kementerian Komunikasi dan Digital' }, kits: fake.kits });
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
      const ifNoneMatch = typeof request.headers['if-none-match'] === 'string' ? request.headers['if-none-match'] : undefined;
      if (ifNoneMatch === etag) {
        fake.answers.push({ status: 304, ifNoneMatch });
        return { status: 304, headers: { etag } };
      }
      fake.answers.push({ status: 200, ...(ifNoneMatch ? { ifNoneMatch } : {}) });
      return { status: 200, headers: { 'content-type': 'application/json', etag }, body };
    },
  };
  return fake;
}
