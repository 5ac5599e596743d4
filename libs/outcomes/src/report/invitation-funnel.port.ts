/**
 * Where the report reads the personal-invitation funnel. Invitations live in another feature (libs/rediscovery,
 * built beside this one), which binds its service here; until it is bound the report says "not connected" rather
 * than showing zeros.
 */
export abstract class InvitationFunnelReader {
  abstract funnel(
    tenantId: string,
    from: Date,
    to: Date,
  ): Promise<{ sent: number; opened: number; applied: number; fastTracked: number; hired: number }>;
}
