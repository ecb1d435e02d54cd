// Revocation reaches live connections. Every subscription (SSE and WebSocket alike, both run through yoga's
// envelop pipeline) re-checks its caller's credential through the principal cache before each event, when any
// credentials change arrives on the bus (every instance hears it through Redis) and when its session expires.
// A caller who is no longer authenticated, or lost a grant, is cut off at once: a WebSocket is closed with 4403,
// an SSE stream gets a final error result and ends.
import type { ExecutionResult, GraphQLError } from "graphql";
import { isAsyncIterable, type Plugin } from "graphql-yoga";
import type { WebSocket } from "ws";
import type { Authenticator } from "../domain/auth/authenticate.js";
import { AuthError, ErrorCode } from "../domain/kernel/errors.js";
import type { Principal } from "../domain/kernel/principal.js";

/** What a live operation's context carries: the caller, how to check them again, the socket on WebSocket. */
interface LiveContext {
  principal: Principal;
  reauthenticate(): Promise<Principal>;
  socket?: WebSocket;
}

/** graphql-ws' close code for a refused credential (as at connection time). */
export const FORBIDDEN_CLOSE_CODE = 4403;
/** setTimeout's longest delay; a later expiry is re-armed when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function revocationPlugin(
  authenticator: Authenticator,
  maskError: (error: unknown) => GraphQLError,
): Plugin<LiveContext> {
  return {
    onSubscribe: ({ args }) => ({
      onSubscribeResult: ({ result, setResult }) => {
        if (isAsyncIterable(result)) setResult(guarded(result, args.contextValue as LiveContext));
      },
    }),
  };

  /** Why the caller may no longer listen, or null while they may. */
  async function refusal(context: LiveContext): Promise<unknown> {
    try {
      const now = await context.reauthenticate();
      return holdsAll(now, context.principal)
        ? null
        : new AuthError(ErrorCode.FORBIDDEN, "Your access changed; subscribe again");
    } catch (error) {
      return error;
    }
  }

  /**
   * The source's events, cut off when the caller's access ends. An iterator object rather than an async
   * generator: a generator's return() waits until its pending await settles, so an unsubscribe between events
   * would leave the source (and its bus listener) open until the next event.
   */
  function guarded(
    source: AsyncIterable<ExecutionResult>,
    context: LiveContext,
  ): AsyncIterableIterator<ExecutionResult> {
    const events = source[Symbol.asyncIterator]();
    const done = { done: true, value: undefined } as const;
    let finished = false;
    let revoke!: (reason: unknown) => void;
    const revoked = new Promise<{ revoked: unknown }>((resolve) => {
      revoke = (reason) => resolve({ revoked: reason });
    });
    const recheck = () => void refusal(context).then((reason) => reason && revoke(reason));
    const stopListening = authenticator.onChange(recheck);
    const expiry = context.principal.kind === "user" ? context.principal.expiresAt : undefined;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      if (!expiry) return;
      const left = expiry.getTime() - Date.now();
      timer = left > MAX_TIMER_MS ? setTimeout(arm, MAX_TIMER_MS) : setTimeout(recheck, Math.max(0, left));
      timer.unref();
    };
    arm();
    const finish = async () => {
      if (finished) return;
      finished = true;
      stopListening();
      clearTimeout(timer);
      revoke(null); // settles a pending next()
      await events.return?.();
    };
    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      async next() {
        if (finished) return done;
        const next = await Promise.race([events.next(), revoked]);
        if (finished) return done;
        const reason = "revoked" in next ? next.revoked : next.done ? undefined : await refusal(context);
        if (reason) {
          await finish();
          if (!context.socket) return { done: false, value: { errors: [maskError(reason)] } };
          context.socket.close(FORBIDDEN_CLOSE_CODE, "Forbidden");
          return done;
        }
        if ("revoked" in next || next.done) {
          await finish();
          return done;
        }
        return { done: false, value: next.value };
      },
      async return() {
        await finish();
        return done;
      },
      async throw(error) {
        await finish();
        throw error;
      },
    };
  }
}

/** Whether `now` still holds every grant `before` held (gaining a grant does not cut a subscription). */
function holdsAll(now: Principal, before: Principal): boolean {
  const held = new Set(now.grants.map((g) => JSON.stringify(g)));
  return before.grants.every((g) => held.has(JSON.stringify(g)));
}
