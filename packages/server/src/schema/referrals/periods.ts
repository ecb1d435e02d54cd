// Commission periods: a calendar month's lock status, commissionLockStatus, lockCommissionPeriod and
// unlockCommissionPeriod, and the typed failure of writes into a locked month.

import { CommissionLockedError } from "../../domain/kernel/errors.js";
import {
  commissionLockStatus,
  type LockStatus,
  lockCommissionPeriod,
  unlockCommissionPeriod,
} from "../../domain/referrals/commissions.js";
import { builder } from "../builder.js";
import { WRITE_ERRORS } from "../errors.js";
import { rowId } from "../ids.js";

/** The typed failures of a write that creates or changes commissions: its period may be locked. */
export const PERIOD_LOCK_ERRORS = [CommissionLockedError];

const CommissionLockStatusRef = builder.objectRef<LockStatus>("CommissionLockStatus").implement({
  description: "A commission period (a calendar month in the program's time zone) and whether it is locked.",
  fields: (t) => ({
    period: t.exposeString("period"),
    locked: t.exposeBoolean("locked"),
    lockedAt: t.expose("lockedAt", { type: "DateTime", nullable: true }),
    startsAt: t.expose("startsAt", { type: "DateTime", description: "Inclusive." }),
    endsAt: t.expose("endsAt", { type: "DateTime", description: "Exclusive." }),
  }),
});

export const PeriodInput = builder.inputType("CommissionPeriodInput", {
  fields: (t) => ({
    programId: t.id({ required: true }),
    period: t.string({ required: true, description: '"YYYY-MM" in the program\'s time zone.' }),
  }),
});

const LockPayload = (name: string) =>
  builder
    .objectRef<LockStatus>(name)
    .implement({ fields: (t) => ({ status: t.field({ type: CommissionLockStatusRef, resolve: (s) => s }) }) });

builder.queryFields((t) => ({
  commissionLockStatus: t.field({
    type: CommissionLockStatusRef,
    description: "Whether a commission period is locked, and its bounds. Anyone with a role in the program may ask.",
    args: { programId: t.arg.id({ required: true }), period: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => commissionLockStatus(ctx, rowId(args.programId, "Program"), args.period),
  }),
}));

builder.mutationFields((t) => ({
  lockCommissionPeriod: t.field({
    type: LockPayload("LockCommissionPeriodPayload"),
    description:
      "Close a period (the program's managers): nothing in it may be created or changed until it is unlocked. Locking twice is harmless.",
    args: { input: t.arg({ type: PeriodInput, required: true }) },
    errors: { types: WRITE_ERRORS },
    resolve: (_root, { input }, ctx) => lockCommissionPeriod(ctx, rowId(input.programId, "Program"), input.period),
  }),
  unlockCommissionPeriod: t.field({
    type: LockPayload("UnlockCommissionPeriodPayload"),
    description: "Reopen a period (the program's managers).",
    args: { input: t.arg({ type: PeriodInput, required: true }) },
    errors: { types: WRITE_ERRORS },
    resolve: (_root, { input }, ctx) => unlockCommissionPeriod(ctx, rowId(input.programId, "Program"), input.period),
  }),
}));
