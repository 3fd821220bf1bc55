import path from 'node:path';
import { sql } from 'kysely';
import type { AnalysisResult } from '../../assessment/index.js';
import { CandorError, packageRoot } from '../../core/index.js';
import type { Store, UserRecord, UserRole } from '../../store/index.js';
import { analyzeFile } from './analyze.js';
import { saveAnalysis } from './save-analysis.js';

/** Who can sign in to the demo workspace; all share one password. */
export const DEMO_PEOPLE: readonly { email: string; name: string; role: UserRole }[] = [
  { email: 'admin@example.com', name: 'Avery Admin', role: 'admin' },
  { email: 'recruiter@example.com', name: 'Rita Reyes', role: 'recruiter' },
  { email: 'manager@example.com', name: 'Hugo Hale', role: 'hiring_manager' },
  { email: 'advisor@example.com', name: 'Amara Osei', role: 'advisor' },
  { email: 'student@example.com', name: 'Lena Park', role: 'candidate' },
  { email: 'omar@example.com', name: 'Omar Haddad', role: 'candidate' },
  { email: 'mia@example.com', name: 'Mia Chen', role: 'candidate' },
  { email: 'tom@example.com', name: 'Tom Becker', role: 'candidate' },
];

/** Each student's mock interviews, oldest first: example interviews of rising or mixed quality. */
const PRACTICE: Readonly<Record<string, readonly string[]>> = {
  'student@example.com': ['jordan-weak.srt', 'alex-practice.txt', 'marcus-average.vtt', 'priya-strong.vtt'],
  'omar@example.com': ['alex-practice.txt', 'marcus-average.vtt', 'sam-async.json'],
  'mia@example.com': ['jordan-weak.srt', 'jordan-weak.srt', 'alex-practice.txt'],
  'tom@example.com': ['marcus-average.vtt', 'alex-practice.txt'],
};

const COHORT = 'Business School 2026';
const WEEK_MS = 7 * 24 * 3600_000;

/**
 * Adds the demo's people to the `demo` workspace (or resets their password when they exist), and
 * on first run gives the students practice sessions spread over the last weeks and puts them in a
 * cohort, so every page of the web app has something to show.
 *
 * @example await seedDemoPeople(store, workspaceId, 'a-long-password', new Date())
 */
export async function seedDemoPeople(
  store: Store,
  workspaceId: string,
  password: string,
  now: Date,
): Promise<UserRecord[]> {
  const people: UserRecord[] = [];
  let fresh = false;
  for (const person of DEMO_PEOPLE) {
    const existing = await store.users.findByEmail(workspaceId, person.email);
    if (existing === null) {
      fresh = true;
      people.push(await store.users.create({ workspaceId, ...person, password }));
    } else {
      await store.users.setPassword(existing.id, password);
      people.push(existing);
    }
  }
  if (fresh) await seedPractice(store, workspaceId, people, now);
  return people;
}

async function seedPractice(store: Store, workspaceId: string, people: UserRecord[], now: Date) {
  const examples = path.join(packageRoot(), 'examples', 'interviews');
  const analysed = new Map<string, AnalysisResult>();
  const analyse = async (file: string) => {
    const known = analysed.get(file);
    if (known) return known;
    const result = await analyzeFile(path.join(examples, file), {
      framework: 'default',
      questions: 'default',
    });
    analysed.set(file, result);
    return result;
  };
  const students = people.filter((p) => p.role === 'candidate');
  for (const student of students) {
    const files = PRACTICE[student.email] ?? [];
    for (const [i, file] of files.entries()) {
      const at = new Date(now.getTime() - (files.length - 1 - i) * WEEK_MS - 3600_000).toISOString();
      const interview = await store.interviews.create({
        workspaceId,
        kind: 'practice',
        userId: student.id,
        title: 'Mock interview: default question bank',
        sourceFile: file,
      });
      await saveAnalysis(store, interview.id, await analyse(file));
      // Spread the sessions over past weeks so progress and trend charts have a time axis.
      await sql`update interview set created_at = ${at} where id = ${interview.id}`.execute(store.db);
      await sql`update scorecard set created_at = ${at} where interview_id = ${interview.id}`.execute(
        store.db,
      );
    }
  }
  try {
    const cohort = await store.cohorts.create({ workspaceId, name: COHORT });
    await store.cohorts.addMembers(
      cohort.id,
      students.map((s) => s.id),
    );
  } catch (error) {
    if (!(error instanceof CandorError && error.code === 'CONFLICT')) throw error;
  }
}
