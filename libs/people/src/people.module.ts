import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  InvitationEntity,
  PasswordResetEntity,
  PersonEntity,
  PersonSessionEntity,
  TenantSsoEntity,
} from './entities/person.entity';
import { PasswordHasher } from './password-hasher';
import { PeopleMailer } from './people-mailer';
import { PeopleRepository } from './people.repository';
import { PeopleService } from './people.service';
import { SignInService } from './sign-in.service';
import { SsoService } from './sso/sso.service';

/** People of a tenant, their sign-in (password, OIDC), sessions, invitations and password resets. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      PersonEntity,
      PersonSessionEntity,
      InvitationEntity,
      PasswordResetEntity,
      TenantSsoEntity,
    ]),
  ],
  providers: [PeopleRepository, PasswordHasher, PeopleMailer, PeopleService, SignInService, SsoService],
  exports: [PeopleService, SignInService, SsoService],
})
export class PeopleModule {}
