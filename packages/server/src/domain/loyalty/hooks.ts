// Loyalty's reactions to other areas' changes, registered once at startup (app.ts) through the kernel's hooks.
import { onPartnerStatusChanged } from "../kernel/area-hooks.js";
import { suspendPartnerRewards } from "./rewards.js";

export function registerLoyaltyHooks(): void {
  // A disabled or deleted partner's rewards are suspended (an enabled one's restored) in the same transaction.
  onPartnerStatusChanged("loyalty.suspendPartnerRewards", suspendPartnerRewards);
}
