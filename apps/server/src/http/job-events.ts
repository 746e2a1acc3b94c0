/**
 * Server-sent events of a background job (src/jobs): what the import routes of the passports and the kansenkaart
 * send while a job runs. The job's current state comes first, then each event as it happens; the stream ends after
 * the first event that is not `progress` (done, failed) or when the client goes away. A comment line every 15 s
 * keeps proxies from closing an idle connection.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface JobStreamEvent {
  event: string;
  data: unknown;
}

export interface JobSubscription<E extends JobStreamEvent> {
  /** The events that describe the job's state at the moment of subscribing, sent first. */
  initial: E[];
  unsubscribe: () => void;
}

const KEEP_ALIVE_MS = 15_000;

/**
 * Subscribes (which may refuse with an AppError: nothing is sent then, the error handler answers) and streams the
 * job's events to the client. Events that arrive between subscribing and the first write are queued, not lost.
 */
export async function streamJobEvents<E extends JobStreamEvent>(
  request: FastifyRequest,
  reply: FastifyReply,
  subscribe: (onEvent: (event: E) => void) => JobSubscription<E> | Promise<JobSubscription<E>>,
): Promise<void> {
  const queue: E[] = [];
  let ready = false;
  let ended = false;
  const raw = reply.raw;
  const timers: NodeJS.Timeout[] = [];
  const end = () => {
    if (ended) return;
    ended = true;
    for (const timer of timers) clearInterval(timer);
    raw.end();
  };
  const write = (event: E) => {
    if (ended) return;
    raw.write(`event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`);
    if (event.event !== 'progress') end();
  };
  const { initial, unsubscribe } = await subscribe((event) => {
    if (ready) write(event);
    else queue.push(event);
  });
  reply.hijack();
  raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', 'x-accel-buffering': 'no', 'x-request-id': request.id });
  const keepAlive = setInterval(() => raw.write(': nog bezig\n\n'), KEEP_ALIVE_MS);
  keepAlive.unref();
  timers.push(keepAlive);
  request.raw.on('close', () => {
    unsubscribe();
    end();
  });
  for (const event of initial) write(event);
  ready = true;
  for (const event of queue.splice(0)) write(event);
}
