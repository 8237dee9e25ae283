// zod/mini shares zod's one global config, so this also covers schemas built with full `zod`.
import { config } from 'zod/mini';

// Imported by every entrypoint before any module that builds or parses a schema. zod 4 otherwise
// probes `Function('')` on the first object parse to decide whether it may compile a fast parser;
// the extension CSP forbids eval, so Firefox logs a CSP error on every start (issue 18). Jitless
// parsing is what zod does anyway once that probe fails. See https://zod.dev/packages/core (`config`).
config({ jitless: true });
