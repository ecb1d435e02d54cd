// Typed pub/sub for domain events, published after commit. In-memory by default; the transport is an
// EventTarget, so a Redis-backed one (REDIS_URL) drops in without touching publishers or subscribers.
import { setMaxListeners } from "node:events";
import { createPubSub } from "graphql-yoga";
import { boundedIterator, type Overflowed } from "./bounded.js";

export type PartnerEvent = {
  type: "PARTNER_CREATED" | "PARTNER_UPDATED" | "PARTNER_DELETED";
  programId: string;
  partnerId: string;
  occurredAt: string;
};

export type PointsEvent = {
  type: "POINTS_AWARDED" | "POINTS_RETURNED";
  programId: string;
  /** The partner the points went through, if any (partners see only their own). */
  partnerId?: string;
  memberId: string;
  purchaseId: string;
  points: number;
  occurredAt: string;
};

/** A click on a referral link was committed (whatever its classification). */
export type ClickRecordedEvent = {
  type: "CLICK_RECORDED";
  programId: string;
  partnerId: string;
  projectId: string;
  linkId: string;
  clickId: string;
  status: "VALID" | "BOT" | "DUPLICATE" | "DISCARDED";
  occurredAt: string;
};

/** A conversion was recorded (attributed, unattributed or discarded). */
export type ConversionCreatedEvent = {
  type: "CONVERSION_CREATED";
  programId: string;
  /** Absent when no partner was attributed. */
  partnerId?: string;
  projectId: string;
  conversionId: string;
  status: "ATTRIBUTED" | "UNATTRIBUTED" | "DISCARDED";
  occurredAt: string;
};

/** A commission was created, or its amount or status changed. */
export type CommissionChangedEvent = {
  type: "COMMISSION_CHANGED";
  programId: string;
  partnerId: string;
  projectId: string;
  commissionId: string;
  status: "PENDING" | "APPROVED" | "PAID" | "VOID" | "REVERSED";
  change: "CREATED" | "AMOUNT_CHANGED" | "STATUS_CHANGED";
  occurredAt: string;
};

export type DomainEvent =
  | PartnerEvent
  | PointsEvent
  | ClickRecordedEvent
  | ConversionCreatedEvent
  | CommissionChangedEvent;

/**
 * Something a cached principal may depend on changed: every instance drops the principals it names (keys,
 * sessions, people, partners, clubs; `all` drops every one). Not per program: a credential spans programs.
 */
export type CredentialsChanged = {
  sessionIds?: string[];
  /** People whose roles, clubs or member records changed (a session's grants come from its email). */
  emails?: string[];
  /** Their keys, their partner users and the staff of their clubs. */
  partnerIds?: string[];
  clubIds?: string[];
  all?: boolean;
};

type Topics = { program: [programId: string, event: DomainEvent]; credentials: [change: CredentialsChanged] };
type EventTargetLike = NonNullable<NonNullable<Parameters<typeof createPubSub>[0]>["eventTarget"]>;

export interface EventBus {
  publish(event: DomainEvent): void;
  /** Every event of one program, from now on. */
  subscribe(programId: string): AsyncIterable<DomainEvent>;
  /**
   * Like subscribe, with a queue of at most `limit` undelivered events: a consumer that falls further behind
   * gets OVERFLOWED and the subscription ends (see bounded.ts).
   */
  subscribeBounded(programId: string, limit: number): AsyncIterableIterator<DomainEvent | Overflowed>;
  /** Live subscriptions on this instance (for metrics, and for tests to know a subscriber is listening). */
  listenerCount(): number;
  /** Tells every instance (this one included) that credentials changed; call after commit. */
  publishCredentials(change: CredentialsChanged): void;
  /** Hears every credentials change from now on; returns the unsubscribe. Not counted in listenerCount. */
  onCredentials(listener: (change: CredentialsChanged) => void): () => void;
}

export function createEventBus(eventTarget: EventTargetLike = unboundedEventTarget()): EventBus {
  let listeners = 0;
  const counted: EventTargetLike = {
    addEventListener: (type, listener, options) => {
      listeners++;
      eventTarget.addEventListener(type, listener, options);
    },
    removeEventListener: (type, listener, options) => {
      listeners--;
      eventTarget.removeEventListener(type, listener, options);
    },
    dispatchEvent: (event) => eventTarget.dispatchEvent(event),
  };
  const pubsub = createPubSub<Topics>({ eventTarget: counted });
  return {
    publish: (event) => pubsub.publish("program", event.programId, event),
    subscribe: (programId) => pubsub.subscribe("program", programId),
    subscribeBounded: (programId, limit) =>
      boundedIterator<DomainEvent>((push) => {
        // The topic and CustomEvent detail are what createPubSub uses, so publish() above reaches this too.
        const topic = `program:${programId}`;
        const listener = (event: Event) => push((event as CustomEvent<DomainEvent>).detail);
        counted.addEventListener(topic, listener);
        return () => counted.removeEventListener(topic, listener);
      }, limit),
    listenerCount: () => listeners,
    publishCredentials: (change) => pubsub.publish("credentials", change),
    onCredentials: (listener) => {
      const handle = (event: Event) => listener((event as CustomEvent<CredentialsChanged>).detail);
      eventTarget.addEventListener("credentials", handle);
      return () => eventTarget.removeEventListener("credentials", handle);
    },
  };
}

/** Many dashboards listen to one program: Node's default warning at 11 listeners per topic is noise here. */
function unboundedEventTarget(): EventTargetLike {
  const target = new EventTarget();
  setMaxListeners(0, target);
  return target as EventTargetLike;
}
