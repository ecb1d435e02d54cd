// Typed pub/sub for domain events, published after commit. In-memory by default; the transport is an
// EventTarget, so a Redis-backed one (REDIS_URL) drops in without touching publishers or subscribers.
import { createPubSub } from "graphql-yoga";

export type DomainEvent =
  | { type: "PARTNER_CREATED"; programId: string; partnerId: string; occurredAt: string }
  | { type: "PARTNER_UPDATED"; programId: string; partnerId: string; occurredAt: string };

type Topics = { program: [programId: string, event: DomainEvent] };

export interface EventBus {
  publish(event: DomainEvent): void;
  /** Every event of one program, from now on. */
  subscribe(programId: string): AsyncIterable<DomainEvent>;
}

type EventTarget = NonNullable<NonNullable<Parameters<typeof createPubSub>[0]>["eventTarget"]>;

export function createEventBus(eventTarget?: EventTarget): EventBus {
  const pubsub = createPubSub<Topics>(eventTarget ? { eventTarget } : undefined);
  return {
    publish: (event) => pubsub.publish("program", event.programId, event),
    subscribe: (programId) => pubsub.subscribe("program", programId),
  };
}
