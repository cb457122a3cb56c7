// A worker thread starts without the TypeScript loader its process runs under (tsx): register it in this
// thread, then load the worker itself (workerData.entry).
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
