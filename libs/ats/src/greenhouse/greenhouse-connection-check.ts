import type { ConnectionCheckItem } from '../ats-connector.port';
import { checkItem, isUnreachable, unreachableItem, type CheckReader } from '../util/connection-check';
import { asId, asRecord } from '../util/json-reader';

/** The Harvest v3 lists the product reads, each with the scope it needs (ats-contracts.md, "Scopes"). */
const READ_ROUTES: { path: string; query: Record<string, string | number>; scope: string }[] = [
  { path: 'applications', query: { per_page: 1 }, scope: 'harvest:applications:list' },
  { path: 'candidates', query: { per_page: 1 }, scope: 'harvest:candidates:list' },
  { path: 'application_stages', query: { per_page: 1 }, scope: 'harvest:application_stages:list' },
  { path: 'candidate_tags', query: { per_page: 1 }, scope: 'harvest:candidate_tags:list' },
  { path: 'offers', query: { per_page: 1 }, scope: 'harvest:offers:list' },
];

export interface HarvestReader extends CheckReader {
  /** Obtains (or reuses) the connection's token; throws when the token endpoint refuses. */
  token(): Promise<void>;
}

/**
 * Greenhouse's side of the connection check. Reads answer only for a Site Admin token (`sub`); other users get
 * empty lists (ats-contracts.md, "Reads need a Site Admin"), so the acting user is checked before the reads.
 */
export async function checkGreenhouseConnection(
  reader: HarvestReader,
  actingUserId: string | null,
  opts: { identityOnly?: boolean } = {},
): Promise<ConnectionCheckItem[]> {
  const items: ConnectionCheckItem[] = [];
  try {
    await reader.token();
    items.push(
      checkItem(
        'credentials',
        'pass',
        'Greenhouse issued a Harvest v3 token for these credentials.',
        'この認証情報で Greenhouse の Harvest v3 トークンを取得できました。',
      ),
    );
  } catch (err) {
    if (isUnreachable(err)) {
      items.push(unreachableItem('credentials', 'Greenhouse'));
      return items;
    }
    const status = (err as { details?: { status?: number } }).details?.status;
    items.push(
      checkItem(
        'credentials',
        'fail',
        `Greenhouse refused the token request${status ? ` (HTTP ${status})` : ''}: check the client id and secret of the Harvest v3 credential.`,
        `Greenhouse がトークン発行を拒否しました${status ? `（HTTP ${status}）` : ''}。Harvest v3 認証情報のクライアント ID とシークレットを確認してください。`,
      ),
    );
    return items;
  }

  if (!actingUserId) {
    items.push(
      checkItem(
        'acting_user',
        'fail',
        'No acting user: choose the Greenhouse user our notes and moves are written as.',
        '操作ユーザーが未設定です。メモと選考移動を記録する Greenhouse ユーザーを選んでください。',
      ),
    );
  } else {
    const res = await reader.get('users', { ids: actingUserId });
    const user =
      res.status === 200 && Array.isArray(res.body)
        ? res.body.map(asRecord).find((u) => asId(u?.id) === actingUserId)
        : undefined;
    if (res.status === 403) {
      items.push(
        checkItem(
          'acting_user',
          'fail',
          'The credential lacks the scope harvest:users:list: add it in Greenhouse (Dev Center → API credentials).',
          '認証情報に harvest:users:list スコープがありません。Greenhouse の Dev Center → API 認証情報で追加してください。',
        ),
      );
    } else if (!user) {
      items.push(
        checkItem(
          'acting_user',
          'fail',
          `User ${actingUserId} was not found or is not a Site Admin: Harvest v3 answers reads only for a Site Admin.`,
          `ユーザー ${actingUserId} が見つからないか、サイト管理者ではありません。Harvest v3 はサイト管理者にしか読み取りを返しません。`,
        ),
      );
    } else if (user.disabled === true || user.deactivated === true) {
      items.push(
        checkItem(
          'acting_user',
          'fail',
          `User ${actingUserId} is deactivated in Greenhouse: choose an active user.`,
          `ユーザー ${actingUserId} は Greenhouse で無効化されています。有効なユーザーを選んでください。`,
        ),
      );
    } else if (user.site_admin !== true) {
      items.push(
        checkItem(
          'acting_user',
          'fail',
          `User ${actingUserId} is not a Site Admin: make them one in Greenhouse, or every read comes back empty.`,
          `ユーザー ${actingUserId} はサイト管理者ではありません。Greenhouse でサイト管理者にしないと、読み取りがすべて空になります。`,
        ),
      );
    } else {
      items.push(
        checkItem(
          'acting_user',
          'pass',
          `User ${actingUserId} is an active Site Admin.`,
          `ユーザー ${actingUserId} は有効なサイト管理者です。`,
        ),
      );
    }
  }

  if (opts.identityOnly) return items;

  const missing: string[] = [];
  let jobId: string | null = null;
  for (const route of READ_ROUTES) {
    const res = await reader.get(route.path, route.query);
    if (res.status === 403) missing.push(route.scope);
    else if (route.path === 'applications' && res.status === 200 && Array.isArray(res.body))
      jobId = asId(asRecord(res.body[0])?.job_id) ?? null;
  }
  items.push(
    missing.length === 0
      ? checkItem(
          'read_access',
          'pass',
          'Every list the product reads answered.',
          '必要な一覧の読み取りはすべて成功しました。',
        )
      : checkItem(
          'read_access',
          'fail',
          `Missing scope(s): ${missing.join(', ')}: add them to the credential in Greenhouse (Dev Center → API credentials).`,
          `スコープが不足しています: ${missing.join(', ')}。Greenhouse の Dev Center → API 認証情報で追加してください。`,
        ),
  );

  if (!jobId) {
    items.push(
      checkItem(
        'job_stages',
        'skipped',
        'No application to take a job from: the stages check runs once one exists.',
        '求人を特定できる応募がまだないため、選考段階の確認は省略しました。',
      ),
    );
  } else {
    const res = await reader.get('job_interview_stages', { job_ids: jobId });
    items.push(
      res.status === 200 && Array.isArray(res.body) && res.body.length > 0
        ? checkItem(
            'job_stages',
            'pass',
            `The stages of job ${jobId} are readable (${res.body.length}).`,
            `求人 ${jobId} の選考段階を読み取れました（${res.body.length} 件）。`,
          )
        : checkItem(
            'job_stages',
            'fail',
            res.status === 403
              ? 'Missing scope harvest:job_interview_stages:list: without it no application can be moved.'
              : `The stages of job ${jobId} could not be read (HTTP ${res.status}).`,
            res.status === 403
              ? 'harvest:job_interview_stages:list スコープがないため、応募を移動できません。'
              : `求人 ${jobId} の選考段階を読み取れませんでした（HTTP ${res.status}）。`,
          ),
    );
  }
  return items;
}
