import { filter, pipe } from "graphql-yoga";
import { canSeeEvent } from "../../domain/kernel/principal.js";
import { requireProgramVisible } from "../../domain/programs/programs.js";
import type { DomainEvent, PartnerEvent } from "../../events/bus.js";
import { builder } from "../builder.js";
import { rowId } from "../ids.js";

const isPartnerEvent = (e: DomainEvent): e is PartnerEvent => e.type.startsWith("PARTNER_");

const PartnerEventType = builder.enumType("PartnerEventType", {
  values: ["PARTNER_CREATED", "PARTNER_UPDATED", "PARTNER_DELETED"] as const,
});

const PartnerEventRef = builder.objectRef<PartnerEvent>("PartnerEvent").implement({
  description: "A partner was created, changed or deleted (sent after the change is committed).",
  fields: (t) => ({
    type: t.field({ type: PartnerEventType, resolve: (e) => e.type }),
    occurredAt: t.field({ type: "DateTime", resolve: (e) => new Date(e.occurredAt) }),
    partner: t.prismaField({
      type: "Partner",
      nullable: true,
      description: "The partner as it is now; null if the caller can no longer see it.",
      resolve: (query, e, _args, ctx) => ctx.prisma.partner.findUnique({ ...query, where: { id: e.partnerId } }),
    }),
  }),
});

builder.subscriptionFields((t) => ({
  partnerChanged: t.field({
    type: PartnerEventRef,
    description: "Partners of a program being created or updated. A partner key receives only its own changes.",
    args: { programId: t.arg.id({ required: true }) },
    subscribe: async (_root, args, ctx) => {
      const programId = rowId(args.programId, "Program");
      await requireProgramVisible(ctx, programId);
      return pipe(
        ctx.events.subscribe(programId),
        filter((e: DomainEvent): e is PartnerEvent => isPartnerEvent(e) && canSeeEvent(ctx.principal, e)),
      );
    },
    resolve: (e) => e,
  }),
}));
