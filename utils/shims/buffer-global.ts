// twitter-api-v2 uses the Node global `Buffer`; this module must be imported before it.
import { Buffer } from 'buffer';

const scope = globalThis as { Buffer?: typeof Buffer };
scope.Buffer ??= Buffer;
