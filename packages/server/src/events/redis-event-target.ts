// Domain events through Redis pub/sub, so every instance hears every other's commits. yoga's Redis event target
// calls publish() and subscribe() without handling their promises: with Redis down the rejection is unhandled
// and the process exits. It gets facades whose calls never reject: a failed PUBLISH is reported (the event is
// already committed; subscribers on other instances miss it) and a failed SUBSCRIBE is retried by ioredis when
// the connection returns (it resubscribes every channel it holds).
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import type { Redis } from "ioredis";
import type { RedisConnections } from "../redis.js";

export function redisEventTarget(redis: RedisConnections): ReturnType<typeof createRedisEventTarget> {
  const { commands, subscriber, failed } = redis;
  const publishClient = {
    publish: (channel: string, message: string) =>
      commands.publish(channel, message).catch((error: unknown) => failed(error, "publish")),
  };
  const subscribeClient = {
    on: subscriber.on.bind(subscriber),
    subscribe: (channel: string) => subscriber.subscribe(channel).catch((error: unknown) => failed(error, "subscribe")),
    unsubscribe: (channel: string) =>
      subscriber.unsubscribe(channel).catch((error: unknown) => failed(error, "unsubscribe")),
  };
  // The target uses only these methods of its clients (publish; on, subscribe, unsubscribe).
  return createRedisEventTarget({
    publishClient: publishClient as unknown as Redis,
    subscribeClient: subscribeClient as unknown as Redis,
  });
}
