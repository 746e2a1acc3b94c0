// Plain-JS entry for the extraction worker: registers tsx in this thread, then loads the TypeScript worker.
// (Node 20 does not apply `--import tsx` hooks to a worker's own .ts entry file.)
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
