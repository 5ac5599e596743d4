export * from './people.module';
export * from './entities/person.entity';
export * from './people.service';
export * from './sign-in.service';
export * from './sso/sso.service';
export * from './views/people-texts';
export * from './people.dto';
