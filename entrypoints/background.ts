import '../utils/shims/buffer-global';
import '../utils/zod-jitless';
import { defineBackground } from '#imports';
import { startWorker } from '../utils/worker/start';

export default defineBackground({ type: 'module', main: startWorker });
