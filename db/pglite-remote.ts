import path from "node:path";

/**
 * The embedded database, run in a worker thread (db/pglite-thread.mjs), behind the part of PGlite's
 * interface that drizzle-orm/pglite uses: `query`, `exec`, `transaction`. The server's main thread
 * then only passes messages, and a slow query (a search storm) no longer holds up every other request.
 */
type QueryOptions = { rowMode?: "array" | "object"; parsers?: Record<number, unknown> };
type Results = { rows: unknown[]; fields: { name: string; dataTypeID: number }[]; affectedRows?: number };
type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: Record<string, unknown> & { message: string } };
type Outgoing =
  | { op: "query"; sql: string; params?: unknown[]; rowMode?: string; identityTypes?: number[]; tx?: number }
  | { op: "exec"; sql: string; tx?: number }
  | { op: "begin" }
  | { op: "end"; tx: number; commit: boolean }
  | { op: "dump" }
  | { op: "close" };

export type RemoteTransaction = {
  query: (sql: string, params?: unknown[], options?: QueryOptions) => Promise<Results>;
  exec: (sql: string) => Promise<Results[]>;
  rollback: () => Promise<void>;
  readonly closed: boolean;
};

export type RemotePglite = {
  query: (sql: string, params?: unknown[], options?: QueryOptions) => Promise<Results>;
  exec: (sql: string) => Promise<Results[]>;
  transaction: <T>(callback: (tx: RemoteTransaction) => Promise<T>) => Promise<T>;
  dumpDataDir: () => Promise<Blob>;
  close: () => Promise<void>;
};

export const threadScript = () => path.join(process.cwd(), "db", "pglite-thread.mjs");

/** An Error with the fields Postgres gave it (code, constraint, detail, …), as callers test for them. */
function revive(error: Record<string, unknown> & { message: string }): Error {
  const revived = new Error(error.message);
  Object.assign(revived, error);
  return revived;
}

/**
 * Starts the thread and opens the database in `dir` (in memory without one). The caller holds the
 * data folder's lock (db/pglite-lock.ts): the thread belongs to this process.
 */
export async function openRemotePglite(dir: string | undefined, script = threadScript()): Promise<RemotePglite> {
  // Not for the bundler: the thread's script runs as it is, from the checkout, like the migrations.
  // Turbopack takes any `new Worker(…)` it can see for a bundle entry, and a path it cannot resolve
  // for every file of the checkout (magic comments do not stop it); a renamed constructor it leaves alone.
  const { Worker: Thread } = process.getBuiltinModule("node:worker_threads");
  const worker = new Thread(script, { workerData: { dir } });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let failure: Error | null = null;

  const failAll = (error: Error) => {
    failure ??= error;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };

  await new Promise<void>((resolve, reject) => {
    const onMessage = (message: { ready?: true; failed?: Record<string, unknown> & { message: string } }) => {
      worker.off("error", reject);
      if (message.failed) reject(revive(message.failed));
      else resolve();
    };
    worker.once("message", onMessage);
    worker.once("error", reject);
  });

  worker.on("message", (reply: Reply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(revive(reply.error));
  });
  worker.on("error", (error) => failAll(new Error(`Databastråden kraschade: ${error.message}`, { cause: error })));
  worker.on("exit", (code) => failAll(new Error(`Databastråden avslutades (kod ${code}).`)));

  function send<T>(message: Outgoing): Promise<T> {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...message, id });
    });
  }

  const query = (tx?: number) => (sql: string, params?: unknown[], options?: QueryOptions) =>
    send<Results>({
      op: "query",
      sql,
      params,
      rowMode: options?.rowMode,
      identityTypes: options?.parsers ? Object.keys(options.parsers).map(Number) : undefined,
      tx,
    });
  const exec = (tx?: number) => (sql: string) => send<Results[]>({ op: "exec", sql, tx });

  return {
    query: query(),
    exec: exec(),
    async transaction(callback) {
      const tx = await send<number>({ op: "begin" });
      let closed = false;
      const handle: RemoteTransaction = {
        query: (...args) => (closed ? Promise.reject(new Error("Transaction is closed")) : query(tx)(...args)),
        exec: (sql) => (closed ? Promise.reject(new Error("Transaction is closed")) : exec(tx)(sql)),
        rollback: async () => {
          closed = true;
          await send({ op: "end", tx, commit: false });
        },
        get closed() {
          return closed;
        },
      };
      let result;
      try {
        result = await callback(handle);
      } catch (error) {
        if (!closed) {
          closed = true;
          await send({ op: "end", tx, commit: false }).catch(() => undefined);
        }
        throw error;
      }
      if (!closed) {
        closed = true;
        await send({ op: "end", tx, commit: true });
      }
      return result;
    },
    async dumpDataDir() {
      const bytes = await send<Uint8Array>({ op: "dump" });
      return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/x-gzip" });
    },
    async close() {
      if (failure) return;
      await send({ op: "close" });
      await worker.terminate();
    },
  };
}
