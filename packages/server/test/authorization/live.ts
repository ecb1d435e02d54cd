// Authorization matrix rows: live analytics subscriptions over SSE; anyone with a role in A may subscribe, and a
// refusal arrives on the stream.
// Each row: its expected cells (one per principal, in the order of PRINCIPALS in kit.ts), and how it is called.
import type { GqlResponse } from "../helpers.js";
import { A } from "./fixtures.js";
import { app, area, IPP, NF, OK, outcome, type Principal, U } from "./kit.js";

/** Subscribes over SSE; ALLOWED once the server holds a live subscription, else the error the stream reports. */
async function subscribe(p: Principal, programId: string, field = "partnerChanged"): Promise<string> {
  const selection = field === "liveStats" ? "to" : "occurredAt";
  const query =
    field === "partnerChanged"
      ? `subscription ($p: ID!) { partnerChanged(programId: $p) { type } }`
      : `subscription ($p: ID!) { ${field}(filter: { programId: $p }) { ${selection} } }`;
  const before = app.events.listenerCount();
  const abort = new AbortController();
  const res = await fetch(app.graphqlUrl, {
    method: "POST",
    signal: abort.signal,
    headers: {
      "content-type": "application/json",
      accept: "text/event-stream",
      ...(p.key ? { authorization: `Bearer ${p.key}` } : {}),
    },
    body: JSON.stringify({ query, variables: { p: programId } }),
  });
  try {
    if (!res.headers.get("content-type")?.includes("text/event-stream")) {
      return outcome((await res.json()) as GqlResponse<Record<string, any>>, field);
    }
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    let ended = false;
    void (async () => {
      for (;;) {
        const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (chunk.done) {
          ended = true;
          return;
        }
        text += decoder.decode(chunk.value, { stream: true });
      }
    })();
    const deadline = Date.now() + 5_000;
    for (;;) {
      if (app.events.listenerCount() > before) return OK;
      const next = /event: next\ndata: (.*)\n/.exec(text);
      if (next) return outcome(JSON.parse(next[1]!) as GqlResponse<Record<string, any>>, field);
      if (ended) return `STREAM ENDED: ${text}`;
      if (Date.now() > deadline) return `NO OUTCOME WITHIN 5s: ${text}`;
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    abort.abort();
    // Let the server drop the subscription, so the next cell counts from a settled baseline.
    const deadline = Date.now() + 5_000;
    while (app.events.listenerCount() > before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  }
}

// prettier-ignore
export const live = area(
  {
    //                                           anonymous admin keyA  keyB   managerA managerB partnerA1Key partnerA2Key partnerUserA1 staffA disabledA3Key partnerUserA2 staffA2 clubManagerA2 memberA
    "partnerChanged(programId: A)": [U, OK, OK, NF, OK, NF, OK, OK, OK, OK, IPP, OK, OK, OK, NF],
    // Live analytics: anyone with a role in A may subscribe (partners then receive only their own events; staff none).
    "conversionCreated(filter: A)": [U, OK, OK, NF, OK, NF, OK, OK, OK, OK, IPP, OK, OK, OK, NF],
    "clickRecorded(filter: A)": [U, OK, OK, NF, OK, NF, OK, OK, OK, OK, IPP, OK, OK, OK, NF],
    "commissionChanged(filter: A)": [U, OK, OK, NF, OK, NF, OK, OK, OK, OK, IPP, OK, OK, OK, NF],
    "pointsAwarded(filter: A)": [U, OK, OK, NF, OK, NF, OK, OK, OK, OK, IPP, OK, OK, OK, NF],
    "liveStats(filter: A)": [U, OK, OK, NF, OK, NF, OK, OK, OK, OK, IPP, OK, OK, OK, NF],
  },
  {
    "partnerChanged(programId: A)": { field: "Subscription.partnerChanged", call: (p) => subscribe(p, A.id) },
    "conversionCreated(filter: A)": {
      field: "Subscription.conversionCreated",
      call: (p) => subscribe(p, A.id, "conversionCreated"),
    },
    "clickRecorded(filter: A)": {
      field: "Subscription.clickRecorded",
      call: (p) => subscribe(p, A.id, "clickRecorded"),
    },
    "commissionChanged(filter: A)": {
      field: "Subscription.commissionChanged",
      call: (p) => subscribe(p, A.id, "commissionChanged"),
    },
    "pointsAwarded(filter: A)": {
      field: "Subscription.pointsAwarded",
      call: (p) => subscribe(p, A.id, "pointsAwarded"),
    },
    "liveStats(filter: A)": { field: "Subscription.liveStats", call: (p) => subscribe(p, A.id, "liveStats") },
  },
);
