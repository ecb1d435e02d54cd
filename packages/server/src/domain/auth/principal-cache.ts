// The in-process principal cache: credential hash → principal, bounded (LRU) and short-lived (TTL), so a warm
// authenticated request does no database read. Each entry carries tags (its key, session, email, partners,
// clubs); a credentials change from the event bus (any instance's write, through Redis) drops the entries it
// names at once. The TTL only bounds what no write announces (a session's members appearing by import).
import { LRUCache } from "lru-cache";
import type { CredentialsChanged, EventBus } from "../../events/bus.js";
import type { Principal } from "../kernel/principal.js";

const MAX_PRINCIPALS = 10_000;
const TTL_MS = 30_000;

export interface Loaded {
  principal: Principal;
  /** `session:<id>`, `key:<id>`, `email:<address>`, `partner:<id>`, `club:<id>`: what a change may name. */
  tags: string[];
}

export interface PrincipalCache {
  /** The cached principal, or `load`'s (one load at a time per key; failures are not cached). */
  get(key: string, load: (key: string) => Promise<Loaded>): Promise<Principal>;
  onChange(listener: (change: CredentialsChanged) => void): () => void;
}

export function changeTags(change: CredentialsChanged): Set<string> {
  return new Set([
    ...(change.sessionIds ?? []).map((id) => `session:${id}`),
    ...(change.emails ?? []).map((email) => `email:${email}`),
    ...(change.partnerIds ?? []).map((id) => `partner:${id}`),
    ...(change.clubIds ?? []).map((id) => `club:${id}`),
  ]);
}

export function createPrincipalCache(events: EventBus): PrincipalCache {
  const entries = new LRUCache<string, Loaded>({ max: MAX_PRINCIPALS, ttl: TTL_MS });
  const loading = new Map<string, Promise<Loaded>>();
  // A load that started before a change may have read the old rows: it is not stored.
  let generation = 0;
  const listeners = new Set<(change: CredentialsChanged) => void>();

  events.onCredentials((change) => {
    generation++;
    loading.clear();
    if (change.all) entries.clear();
    else {
      const tags = changeTags(change);
      const dropped = [...entries.entries()].filter(([, e]) => e.tags.some((t) => tags.has(t))).map(([k]) => k);
      for (const key of dropped) entries.delete(key);
    }
    for (const listener of listeners) listener(change);
  });

  return {
    async get(key, load) {
      const hit = entries.get(key);
      if (hit) return hit.principal;
      let pending = loading.get(key);
      if (!pending) {
        const started = generation;
        const loaded = load(key).then((value) => {
          if (started === generation) entries.set(key, value);
          return value;
        });
        pending = loaded.finally(() => {
          if (loading.get(key) === pending) loading.delete(key);
        });
        loading.set(key, pending);
      }
      return (await pending).principal;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
