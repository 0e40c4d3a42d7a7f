// The subscribe form under load: 50 concurrent clients posting the short form (a new address each,
// from a different client address each, as 50 residents behind a proxy would), against a cached
// reader page on the same server in the same run as the reference. Each request checks the
// address, counts the per-client and per-address limits in the database, stores a pending request
// with its hashed token and queues the confirmation mail. Loopback only, bounded: about a minute.
//
//   npm run build && node bench/subscribe.mjs
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:25432/postgres node bench/subscribe.mjs
//
// BENCH_SECONDS (10) per run; BENCH_PORT (3620; +1 for the app on PostgreSQL).
import autocannon from "autocannon";
import { startServer, writeResults } from "./lib.mjs";

const PORT = Number(process.env.BENCH_PORT ?? 3620);
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RUN_ID = Date.now().toString(36);

function run(options) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

let counter = 0;
/** A new resident every request: a fresh address and a fresh client address (the per-client limit is 20 an hour). */
function subscribeRequest(request) {
  counter += 1;
  const n = counter;
  request.body = new URLSearchParams({ email: `bench-${RUN_ID}-${n}@exempelby.test`, standard: "nyhetsbrev" }).toString();
  request.headers = { ...request.headers, "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
  return request;
}

const SUBSCRIBE = { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, setupRequest: subscribeRequest };
/** Each client once a second: 50 residents submitting at the same moment, again and again. */
const PACED_RATE = CONNECTIONS;

async function measure(server) {
  const reference = await run({ url: `${server.base}/` });
  const flat = await run({ url: `${server.base}/prenumerera/skicka`, requests: [SUBSCRIBE] });
  const paced = await run({ url: `${server.base}/prenumerera/skicka`, requests: [SUBSCRIBE], overallRate: PACED_RATE });
  return {
    reference,
    runs: [
      ["as fast as they can", flat],
      [`each once a second (${PACED_RATE} requests/s in all)`, paced],
    ],
  };
}

const rows = [];
const notes = [];
for (const postgresUrl of [undefined, process.env.BENCH_DATABASE_URL].filter((url, i) => i === 0 || url)) {
  const server = await startServer(postgresUrl ? PORT + 1 : PORT, { postgresUrl });
  try {
    // A first pass warms the route and the database.
    await fetch(`${server.base}/prenumerera/skicka`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=warmup@exempelby.test&standard=nyhetsbrev",
      redirect: "manual",
    });
    const { reference, runs } = await measure(server);
    const label = `${server.database}, ${server.workers} ${server.workers === 1 ? "process" : "worker processes"}`;
    rows.push(`| ${label}: cached start page \`/\` (reference) | ${Math.round(reference.requests.average)} | ${reference.latency.p50} ms | ${reference.latency.p99} ms | – |`);
    for (const [how, result] of runs) {
      rows.push(
        `| ${label}: POST \`/prenumerera/skicka\`, ${CONNECTIONS} clients ${how} | ${Math.round(result.requests.average)} | ${result.latency.p50} ms | **${result.latency.p99} ms** | ${(result.latency.p99 / Math.max(1, reference.latency.p99)).toFixed(1)}× |`,
      );
      // Only the thank-you redirect (303) counts as done; autocannon counts it among non-2xx.
      const thanked = result["3xx"];
      notes.push(
        `${label}, ${how}: ${result.requests.total} subscriptions, ${thanked} answered with the thank-you redirect, ${result.errors + result.non2xx - thanked} otherwise (errors, time-outs, other statuses).`,
      );
    }
    console.log(rows.slice(-3).join("\n"));
  } finally {
    await server.stop();
  }
}

writeResults("Prenumerationsformuläret under belastning (bench/subscribe.mjs)", [
  `autocannon, ${CONNECTIONS} connections, ${SECONDS} s per run, loopback; the load generator shares the cores with the server. Every subscribe request is a new address from a new client address (\`X-Forwarded-For\`), so each one does the whole work: validation, two rate-limit counters, the pending request with its hashed token, and the queued confirmation mail. The reference is the cached start page on the same server in the same run.`,
  "",
  "| what | requests/s | p50 | p99 | p99 / the reference's p99 |",
  "| --- | ---: | ---: | ---: | ---: |",
  ...rows,
  "",
  ...notes,
]);
