import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JwtStrategy } from './jwt.strategy';
import { RevokedTokenEntity } from './revoked-token.entity';
import { RevokedTokensRepository } from './revoked-tokens.repository';
import { TokenRevocationService } from './token-revocation.service';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [PassportModule, JwtModule.register({}), TypeOrmModule.forFeature([RevokedTokenEntity])],
  providers: [JwtStrategy, TokenService, RevokedTokensRepository, TokenRevocationService],
  exports: [TokenService, TokenRevocationService],
})
export class AuthModule {}
