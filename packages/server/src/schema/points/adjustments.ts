// Manual adjustments: adjustPoints adds or takes a member's program points by hand, with a reason.
import { ConflictError, InsufficientPointsError, NotFoundError, ValidationError } from "../../domain/kernel/errors.js";
import { adjustPoints } from "../../domain/points/adjustments.js";
import type { LedgerEntry } from "../../generated/prisma/client.js";
import { builder } from "../builder.js";
import { rowId } from "../ids.js";
import { LedgerEntryRef, memberRef } from "./members.js";

const AdjustPointsInput = builder.inputType("AdjustPointsInput", {
  fields: (t) => ({
    programId: t.id({ required: true }),
    memberId: t.id(),
    memberExternalId: t.string(),
    points: t.int({ required: true, description: "Positive adds, negative takes away." }),
    note: t.string({ required: true }),
    idempotencyKey: t.string({ required: true }),
  }),
});

const AdjustPointsPayload = builder
  .objectRef<{ entry: LedgerEntry; balance: number; replayed: boolean }>("AdjustPointsPayload")
  .implement({
    fields: (t) => ({
      entry: t.field({ type: LedgerEntryRef, resolve: (p) => p.entry }),
      balance: t.exposeInt("balance"),
      replayed: t.exposeBoolean("replayed"),
    }),
  });

builder.mutationFields((t) => ({
  adjustPoints: t.field({
    type: AdjustPointsPayload,
    description: "Add or take points by hand, with a reason (managers). Idempotent on idempotencyKey.",
    args: { input: t.arg({ type: AdjustPointsInput, required: true }) },
    errors: {
      types: [ValidationError, ConflictError, NotFoundError, InsufficientPointsError],
    },
    resolve: (_r, { input }, ctx) => adjustPoints(ctx, rowId(input.programId, "Program"), memberRef(input), input),
  }),
}));
