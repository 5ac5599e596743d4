import { Command, CommandRunner } from 'nest-commander';
import { AtsConnectionService } from '@comeback/pipeline';
import { SsoService } from '@comeback/people';
import { HrisConnectionService } from '@comeback/hris';
import { NotificationsService } from '@comeback/notifications';
import { SuppressionHasher } from '@comeback/registry';
import { openServices } from '../app-context';

/**
 * Re-encrypts every sealed value under the current SECRET_KEY. Run with the new key in SECRET_KEY and the old
 * one in SECRET_KEY_PREVIOUS; afterwards the previous key can be removed. Also upgrades values still in the
 * old format (no key id, no associated data). Safe to run again.
 */
@Command({
  name: 'secrets:rotate',
  description: 'Re-encrypt every sealed secret under SECRET_KEY (SECRET_KEY_PREVIOUS still read)',
})
export class SecretsRotateCommand extends CommandRunner {
  async run(): Promise<void> {
    const app = await openServices('pipeline');
    try {
      const counts = await app.get(AtsConnectionService).resealAll();
      const hris = await app.get(HrisConnectionService).resealAll();
      const sso = await app.get(SsoService).resealAll();
      // The suppression list's peppers are sealed too; the peppers themselves stay, so no hash changes.
      const peppers = await app.get(SuppressionHasher).resealAll();
      const chat = await app.get(NotificationsService).resealAll();
      process.stdout.write(
        `${JSON.stringify({
          atsConnections: counts.connections,
          resealed: counts.resealed,
          hrisConnections: hris.connections,
          hrisResealed: hris.resealed,
          ssoProviders: sso.providers,
          ssoResealed: sso.resealed,
          suppressionPeppers: peppers.peppers,
          suppressionPeppersResealed: peppers.resealed,
          chatWebhooks: chat.webhooks,
          chatWebhooksResealed: chat.resealed,
        })}\n`,
      );
    } finally {
      await app.close();
    }
  }
}
