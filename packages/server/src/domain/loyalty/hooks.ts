// Loyalty's reactions to other areas' changes, registered once at startup (app.ts) through the kernel's hooks.
import { onPartnerStatusChanged } from "../kernel/area-hooks.js";
import { suspendPartnerLoyalty } from "./suspension.js";

export function registerLoyaltyHooks(): void {
  // A disabled or deleted partner's rewards and games are suspended in the same transaction; enabling it again
  // leaves them suspended until resumed one by one (suspension.ts).
  onPartnerStatusChanged("loyalty.suspendPartnerLoyalty", suspendPartnerLoyalty);
}
