// Expected failures as typed results: mutations return these in their result unions.

import { describeError } from "../domain/kernel/error-catalogue.js";
import {
  CommissionLockedError,
  ConflictError,
  ErrorCode,
  InsufficientPointsError,
  InvalidLoginCodeError,
  LoyaltyRuleError,
  NotConfiguredError,
  NotFoundError,
  ValidationError,
} from "../domain/kernel/errors.js";
import { builder } from "./builder.js";

export const ErrorCodeEnum = builder.enumType("ErrorCode", {
  description: "Stable codes for every failure a client can act on; also sent as `extensions.code` on GraphQL errors.",
  values: Object.fromEntries(
    Object.values(ErrorCode).map((code) => {
      const { meaning, status, retry } = describeError(code);
      return [code, { description: `${meaning} HTTP ${status}. Retry: ${retry}.` }];
    }),
  ),
});

export const ErrorInterface = builder.interfaceRef<Error & { code: ErrorCode }>("Error").implement({
  description: "A failure the client can act on.",
  fields: (t) => ({
    code: t.field({ type: ErrorCodeEnum, resolve: (e) => e.code }),
    message: t.exposeString("message"),
  }),
});

const ValidationIssueRef = builder.objectRef<ValidationError["issues"][number]>("ValidationIssue").implement({
  fields: (t) => ({
    path: t.exposeString("path", { description: "Dotted path of the input field, e.g. `costPerPoint`." }),
    message: t.exposeString("message"),
  }),
});

builder.objectType(ValidationError, {
  name: "ValidationError",
  description: "The input broke a rule; `issues` says which field and why. Nothing was written.",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof ValidationError,
  fields: (t) => ({ issues: t.field({ type: [ValidationIssueRef], resolve: (e) => e.issues }) }),
});

builder.objectType(ConflictError, {
  name: "ConflictError",
  description: "The write collides with existing data (e.g. a duplicate external ID). Nothing was written.",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof ConflictError,
  fields: (t) => ({ path: t.exposeString("path", { nullable: true, description: "The input field that collides." }) }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  description: "The object does not exist, or is not visible to this credential.",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof NotFoundError,
  fields: () => ({}),
});

builder.objectType(NotConfiguredError, {
  name: "NotConfiguredError",
  description: "The program's commerce configuration is incomplete; `missing` lists what to set with configureProgram.",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof NotConfiguredError,
  fields: (t) => ({ missing: t.exposeStringList("missing") }),
});

builder.objectType(InvalidLoginCodeError, {
  name: "InvalidLoginCodeError",
  description: "The code is wrong, used, expired, or was guessed at too often. Request a new one.",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof InvalidLoginCodeError,
  fields: () => ({}),
});

builder.objectType(InsufficientPointsError, {
  name: "InsufficientPointsError",
  description: "The member's balance is too low, and the program does not allow negative balances.",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof InsufficientPointsError,
  fields: (t) => ({ balance: t.exposeInt("balance"), requested: t.exposeInt("requested") }),
});

builder.objectType(CommissionLockedError, {
  name: "CommissionLockedError",
  description: "The write would create or change a commission in a locked period. Unlock it first (or write later).",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof CommissionLockedError,
  fields: (t) => ({ period: t.exposeString("period", { description: 'The locked calendar month, e.g. "2026-11".' }) }),
});

builder.objectType(LoyaltyRuleError, {
  name: "LoyaltyRuleError",
  description:
    "A loyalty rule refused the action (QR_INVALID, QR_EXPIRED, QR_ALREADY_USED, DAILY_LIMIT_REACHED, PLAY_LIMIT_REACHED, GAME_UNAVAILABLE, OUT_OF_STOCK, REWARD_UNAVAILABLE, CARD_INACTIVE, CARD_FULL (a HOLD stamp card's full card waits to be redeemed), COUPON_EXPIRED, COUPON_ALREADY_USED, COUPON_CANCELLED). Nothing was written.",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof LoyaltyRuleError,
  fields: (t) => ({
    retryAt: t.expose("retryAt", {
      type: "DateTime",
      nullable: true,
      description: "When a daily or play limit resets.",
    }),
  }),
});

/** The typed failures most writes can return. */
export const WRITE_ERRORS = [ValidationError, ConflictError, NotFoundError];
