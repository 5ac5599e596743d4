import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { typeOrmOptions } from './typeorm-options';

/**
 * Standalone DataSource for the TypeORM CLI (migration:generate against a scratch PostgreSQL).
 * Use: npm run build && npx typeorm migration:generate -d dist/libs/platform/src/database/data-source.js migrations/<Name>
 */
export default new DataSource({
  ...typeOrmOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/comeback_dev'),
  entities: [join(__dirname, '../../../**/*.entity.js')],
});
