// The embedded database in a worker thread of its own (see db/pglite-remote.ts, its other half).
//
// PGlite is Postgres compiled to WebAssembly: a query runs synchronously on the thread that owns the
// instance. In the server's main thread a 30 ms search would stall every other request for 30 ms,
// cached pages included; here it stalls only this thread, and the main thread keeps serving.
//
// Messages in:  { id, op: "query", sql, params, rowMode, identityTypes, tx? }
//               { id, op: "exec", sql, tx? }
//               { id, op: "begin" }  → answers { tx } once the transaction is open
//               { id, op: "end", tx, commit: boolean }
//               { id, op: "dump" }   { id, op: "close" }
// Messages out: { id, ok: true, value } | { id, ok: false, error }, and { ready: true } | { failed } once.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

/** What a thrown error keeps on its way to the main thread: Postgres' fields (code, constraint, …) included. */
function serializeError(error) {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const fields = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === null || ["string", "number", "boolean"].includes(typeof value)) fields[key] = value;
  }
  return { ...fields, name: error.name, message: error.message, stack: error.stack };
}

// Drizzle asks for some types as the text Postgres sent (timestamps, dates, intervals); its parser
// functions cannot cross threads, so the main thread sends their type ids and they are rebuilt here.
const identity = (value) => value;
const parsersFor = (ids) => (ids?.length ? Object.fromEntries(ids.map((id) => [id, identity])) : undefined);

async function main() {
  let db;
  try {
    db = await PGlite.create(workerData?.dir || undefined);
  } catch (error) {
    parentPort.postMessage({ failed: serializeError(error) });
    return;
  }

  /** @type {Map<number, { client: any; finish: (commit: boolean) => void; done: Promise<unknown> }>} */
  const transactions = new Map();
  let nextTx = 1;

  const begin = () =>
    new Promise((resolveOpen, rejectOpen) => {
      const tx = nextTx++;
      let opened = false;
      const done = db
        .transaction(
          (client) =>
            new Promise((resolveFinish, rejectFinish) => {
              opened = true;
              transactions.set(tx, {
                client,
                // Rejecting makes PGlite roll back; resolving commits.
                finish: (commit) => (commit ? resolveFinish(undefined) : rejectFinish(ROLLED_BACK)),
                done,
              });
              resolveOpen(tx);
            }),
        )
        .catch((error) => {
          if (error !== ROLLED_BACK) throw error;
        })
        .finally(() => transactions.delete(tx));
      transactions.set(tx, { client: null, finish: () => undefined, done });
      done.catch((error) => {
        if (!opened) rejectOpen(error);
      });
    });

  const clientFor = (tx) => {
    if (!tx) return db;
    const open = transactions.get(tx);
    if (!open?.client) throw new Error(`Transaction ${tx} is not open.`);
    return open.client;
  };

  async function run(message) {
    switch (message.op) {
      case "query":
        return clientFor(message.tx).query(message.sql, message.params, {
          rowMode: message.rowMode,
          parsers: parsersFor(message.identityTypes),
        });
      case "exec":
        return clientFor(message.tx).exec(message.sql);
      case "begin":
        return begin();
      case "end": {
        const open = transactions.get(message.tx);
        if (!open) throw new Error(`Transaction ${message.tx} is not open.`);
        open.finish(message.commit);
        await open.done;
        return null;
      }
      case "dump": {
        const file = await db.dumpDataDir("gzip");
        return new Uint8Array(await file.arrayBuffer());
      }
      case "close":
        await db.close();
        return null;
      default:
        throw new Error(`Unknown operation ${message.op}`);
    }
  }

  parentPort.on("message", (message) => {
    run(message).then(
      (value) => {
        const transfer = value instanceof Uint8Array ? [value.buffer] : [];
        parentPort.postMessage({ id: message.id, ok: true, value }, transfer);
        if (message.op === "close") parentPort.close();
      },
      (error) => parentPort.postMessage({ id: message.id, ok: false, error: serializeError(error) }),
    );
  });
  parentPort.postMessage({ ready: true });
}

const ROLLED_BACK = Symbol("rolled back");

await main();
