// For page-cache-handler.test.ts: a real node:cluster with two workers, each with its own copy of
// the page cache, and the primary relaying like lib/server/start.mjs. Prints one JSON line and exits.
import cluster from "node:cluster";
import { relay } from "./start.mjs";

if (cluster.isPrimary) {
  const workers = [cluster.fork({ ROLE: "revalidates" }), cluster.fork({ ROLE: "watches" })];
  const results = {};
  let ready = 0;
  for (const worker of workers) {
    worker.on("message", (message) => {
      if (message?.fixture === "filled" && ++ready === workers.length) workers[0].send({ fixture: "revalidate" });
      else if (message?.fixture === "result") {
        results[message.role] = message.keys;
        if (Object.keys(results).length === workers.length) {
          console.log(JSON.stringify(results));
          for (const w of workers) w.kill();
        }
      } else relay(Object.values(cluster.workers), worker, message);
    });
  }
  // The revalidating worker asks the other for its keys once the relayed message had time to arrive.
  setTimeout(() => process.exit(1), 10_000).unref();
} else {
  const { default: Handler, pageCacheStats } = await import("./page-cache-handler.mjs");
  const handler = new Handler();
  const page = (tags) => ({ kind: "APP_PAGE", html: "<p>x</p>", headers: { "x-next-cache-tags": tags } });
  await handler.set("/nyhetsbrev/2026/11/artikel", page("_N_T_/layout,_N_T_/nyhetsbrev/layout"), {});
  await handler.set("/redaktion-preview", page("other"), {});
  const report = async () => {
    const keys = [];
    for (const key of ["/nyhetsbrev/2026/11/artikel", "/redaktion-preview"]) if (await handler.get(key)) keys.push(key);
    process.send({ fixture: "result", role: process.env.ROLE, keys, entries: pageCacheStats().entries });
  };
  process.on("message", async (message) => {
    if (message?.fixture === "revalidate") {
      await handler.revalidateTag(["_N_T_/layout"]);
      setTimeout(report, 300);
    } else if (message?.type) {
      setTimeout(report, 50); // the relayed revalidation has been applied by the handler's own listener
    }
  });
  process.send({ fixture: "filled" });
}
