import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { AppException, ErrorCode } from '../errors/app-exception';

@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  override handleRequest<T>(err: unknown, user: T | false): T {
    if (err || !user) throw new AppException(ErrorCode.Unauthenticated, 'A valid bearer token is required');
    return user;
  }
}
