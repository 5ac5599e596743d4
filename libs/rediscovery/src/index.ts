export * from './rediscovery.module';
export * from './jobs/rediscovery.service';
export * from './invitations/invitations.service';
export { INVITATION_TEXT_KEYS, INVITATION_TEXTS, invitationText } from './invitations/invitation-texts';
export type { InvitationLanguage } from './invitations/invitation.entity';
export * from './rediscovery.dto';
export { renderInvitationLanding } from './invitations/invitation-page';
export * from './rediscovery-form.dto';
