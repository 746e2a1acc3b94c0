/** One web-ifc instance per process (the wasm module is ~25 MB compiled); rebuilt after web-ifc failed. */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { IfcAPI, LogLevel } from 'web-ifc';

let current: Promise<IfcAPI> | undefined;

function wasmDirectory(): string {
  const require = createRequire(import.meta.url);
  return `${dirname(require.resolve('web-ifc'))}/`;
}

export function getIfcApi(): Promise<IfcAPI> {
  if (!current) {
    current = (async () => {
      const api = new IfcAPI();
      api.SetWasmPath(wasmDirectory(), true);
      await api.Init(undefined, true);
      api.SetLogLevel(LogLevel.LOG_LEVEL_OFF);
      return api;
    })();
    current.catch(() => {
      current = undefined;
    });
  }
  return current;
}

/** After a wasm abort or an unexpected error inside web-ifc the module state is unknown: start afresh next time. */
export function discardIfcApi(): void {
  current = undefined;
}
