import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JwtStrategy } from './jwt.strategy';
import { RevokedTokenEntity } from './revoked-token.entity';
import { RevokedTokensRepository } from './revoked-tokens.repository';
import { TokenRevocationService } from './token-revocation.service';
import { TokenService } from './token.service';
import { SessionCheckRegistry } from './session-check.registry';
import { MachineTokenEntity } from './machine-token.entity';
import { MachineTokensRepository } from './machine-tokens.repository';
import { MachineTokenService } from './machine-token.service';

@Global()
@Module({
  imports: [
    PassportModule,
    JwtModule.register({}),
    TypeOrmModule.forFeature([RevokedTokenEntity, MachineTokenEntity]),
  ],
  providers: [
    JwtStrategy,
    TokenService,
    RevokedTokensRepository,
    TokenRevocationService,
    SessionCheckRegistry,
    MachineTokensRepository,
    MachineTokenService,
  ],
  exports: [TokenService, TokenRevocationService, SessionCheckRegistry, MachineTokenService],
})
export class AuthModule {}
