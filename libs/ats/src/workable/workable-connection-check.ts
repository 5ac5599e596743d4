import type { ConnectionCheckItem } from '../ats-connector.port';
import { checkItem, isUnreachable, unreachableItem, type CheckReader } from '../util/connection-check';
import { asArray, asId, asRecord, asText } from '../util/json-reader';

/**
 * Workable's side of the connection check (SPI v3, workable.readme.io): the token answers `GET /members`
 * (scope r_jobs… as listed in ats-contracts.md), the acting member is one of them, candidates are readable
 * (r_candidates), and a job's stages (r_jobs).
 */
export async function checkWorkableConnection(
  reader: CheckReader,
  actingMemberId: string | null,
  opts: { identityOnly?: boolean } = {},
): Promise<ConnectionCheckItem[]> {
  const items: ConnectionCheckItem[] = [];
  let members: Awaited<ReturnType<CheckReader['get']>>;
  try {
    members = await reader.get('members', { limit: 100 });
  } catch (err) {
    if (!isUnreachable(err)) throw err;
    return [unreachableItem('credentials', 'Workable')];
  }
  if (members.status === 401) {
    items.push(
      checkItem(
        'credentials',
        'fail',
        'Workable refused the API token (HTTP 401): paste a valid token of this account.',
        'Workable が API トークンを拒否しました（HTTP 401）。このアカウントの有効なトークンを設定してください。',
      ),
    );
    return items;
  }
  if (members.status !== 200) {
    items.push(
      checkItem(
        'credentials',
        'fail',
        `Workable answered GET /members with HTTP ${members.status}: the token needs the r_jobs scope.`,
        `Workable の GET /members が HTTP ${members.status} を返しました。トークンに r_jobs スコープが必要です。`,
      ),
    );
    return items;
  }
  items.push(
    checkItem(
      'credentials',
      'pass',
      'Workable accepted the API token.',
      'Workable が API トークンを受け付けました。',
    ),
  );
  const list = Array.isArray(members.body) ? members.body : asArray(asRecord(members.body)?.members);
  const found = actingMemberId ? list.map(asRecord).some((m) => asId(m?.id) === actingMemberId) : false;
  items.push(
    found
      ? checkItem(
          'acting_user',
          'pass',
          `Member ${actingMemberId} exists in the account.`,
          `メンバー ${actingMemberId} はこのアカウントに存在します。`,
        )
      : checkItem(
          'acting_user',
          'fail',
          actingMemberId
            ? `Member ${actingMemberId} is not in the account: choose one of its members.`
            : 'No acting member: choose the Workable member our comments and moves are written as.',
          actingMemberId
            ? `メンバー ${actingMemberId} はこのアカウントにいません。メンバーから選んでください。`
            : '操作メンバーが未設定です。コメントと移動を記録する Workable メンバーを選んでください。',
        ),
  );

  if (opts.identityOnly) return items;

  const candidates = await reader.get('candidates', { limit: 1 });
  items.push(
    candidates.status === 200
      ? checkItem('read_access', 'pass', 'Candidates are readable.', '候補者を読み取れました。')
      : checkItem(
          'read_access',
          'fail',
          `Candidates could not be read (HTTP ${candidates.status}): the token needs r_candidates.`,
          `候補者を読み取れませんでした（HTTP ${candidates.status}）。トークンに r_candidates が必要です。`,
        ),
  );
  const first = asRecord(asArray(asRecord(candidates.body)?.candidates)[0]);
  const shortcode = asText(asRecord(first?.job)?.shortcode);
  if (!shortcode) {
    items.push(
      checkItem(
        'job_stages',
        'skipped',
        'No candidate to take a job from: the stages check runs once one exists.',
        '求人を特定できる候補者がまだいないため、選考段階の確認は省略しました。',
      ),
    );
  } else {
    const stages = await reader.get(`jobs/${encodeURIComponent(shortcode)}/stages`, {});
    items.push(
      stages.status === 200
        ? checkItem(
            'job_stages',
            'pass',
            `The stages of job ${shortcode} are readable.`,
            `求人 ${shortcode} の選考段階を読み取れました。`,
          )
        : checkItem(
            'job_stages',
            'fail',
            `The stages of job ${shortcode} could not be read (HTTP ${stages.status}).`,
            `求人 ${shortcode} の選考段階を読み取れませんでした（HTTP ${stages.status}）。`,
          ),
    );
  }
  return items;
}
