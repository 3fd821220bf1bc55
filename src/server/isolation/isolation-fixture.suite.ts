/**
 * Two workspaces for the isolation test: "victim" holds one of everything, "intruder" holds one
 * user of every role. Test-only (the `.suite.ts` suffix keeps it out of the build).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { analyzeFile } from '../../pipeline/index.js';
import { saveAnalysis } from '../../cli/commands/save-analysis.js';
import { frameworkFor } from '../../cli/context.js';
import { loadQuestionSet } from '../../assessment/index.js';
import { packageRoot } from '../../core/index.js';
import { newLinkToken } from '../../invitations/link-token.js';
import { USER_ROLES, type Store, type UserRole } from '../../store/index.js';

export interface Victim {
  readonly workspaceId: string;
  readonly ids: {
    readonly admin: string;
    readonly student: string;
    readonly token: string;
    readonly framework: string;
    readonly questionSet: string;
    readonly job: string;
    readonly candidate: string;
    readonly application: string;
    readonly interview: string;
    readonly practice: string;
    readonly scorecard: string;
    readonly practiceScorecard: string;
    readonly media: string;
    readonly task: string;
    readonly cohort: string;
    readonly model: string;
    readonly alert: string;
    readonly invitation: string;
    /** The token of the invitation's link (the path of the candidate's page). */
    readonly takeToken: string;
    readonly message: string;
    readonly microTask: string;
    readonly topic: string;
    readonly trackedName: string;
    readonly savedSearch: string;
  };
  /** Strings that must never appear in an answer to the intruder. */
  readonly secrets: readonly string[];
  /** The victim admin's API token (to prove it still works afterwards). */
  readonly adminToken: string;
}

/** A tiny but valid WAV file: 0.1 s of 16 kHz silence. */
export function silentWav(): Buffer {
  const samples = 1600;
  const b = Buffer.alloc(44 + samples * 2);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(36 + samples * 2, 4);
  b.write('WAVEfmt ', 8, 'ascii');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(16000, 24);
  b.writeUInt32LE(32000, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36, 'ascii');
  b.writeUInt32LE(samples * 2, 40);
  return b;
}

/** @example const victim = await seedVictim(store, mediaDir) */
export async function seedVictim(store: Store, mediaDir: string): Promise<Victim> {
  const ws = await store.workspaces.ensure({ slug: `victim-${Date.now()}`, name: 'Victim Corp' });
  const password = 'victim-password-123';
  const admin = await store.users.create({
    workspaceId: ws.id,
    email: 'victor.admin@victim.test',
    name: 'Victor Hiddenadmin',
    role: 'admin',
    password,
  });
  const student = await store.users.create({
    workspaceId: ws.id,
    email: 'vera.student@victim.test',
    name: 'Vera Hiddenstudent',
    role: 'candidate',
    password,
  });
  const { token: adminToken, record: token } = await store.users.createApiToken(admin.id, 'victim token');

  const base = frameworkFor('default');
  const framework = await store.frameworks.save({
    id: `victim-fw-${ws.id}`,
    version: '1.0.0',
    name: 'Victim Secret Framework',
    definition: { ...base, id: `victim-fw-${ws.id}`, version: '1.0.0', name: 'Victim Secret Framework' },
    workspaceId: ws.id,
  });
  const bank = loadQuestionSet('default');
  const questionSet = await store.questionSets.save(
    { ...bank, id: `victim-qs-${ws.id}`, name: 'Victim Secret Questions' },
    { workspaceId: ws.id },
  );
  const job = await store.jobs.create({
    workspaceId: ws.id,
    title: 'Victim Secret Job',
    description: 'Classified role',
    frameworkId: framework.id,
    questionSetId: questionSet.id,
  });
  const candidate = await store.candidates.create({
    workspaceId: ws.id,
    name: 'Victoria Secretname',
    email: 'victoria@victim.test',
  });
  const { application } = await store.applications.findOrCreate({
    candidateId: candidate.id,
    jobId: job.id,
    stage: 'interview',
  });
  const result = await analyzeFile(path.join(packageRoot(), 'examples', 'interviews', 'alex-practice.txt'), {
    framework: 'default',
    questions: 'default',
  });
  const interview = await store.interviews.create({
    workspaceId: ws.id,
    applicationId: application.id,
    kind: 'live',
  });
  await saveAnalysis(store, interview.id, result);
  const practice = await store.interviews.create({
    workspaceId: ws.id,
    kind: 'practice',
    userId: student.id,
    title: 'Victim practice',
  });
  await saveAnalysis(store, practice.id, result);
  const scorecard = await store.scorecards.latestForInterview(interview.id);
  const practiceScorecard = await store.scorecards.latestForInterview(practice.id);
  if (scorecard === null || practiceScorecard === null) throw new Error('fixture: no scorecard');

  fs.mkdirSync(mediaDir, { recursive: true });
  const storagePath = `victim-${ws.id}.wav`;
  const wav = silentWav();
  fs.writeFileSync(path.join(mediaDir, storagePath), wav);
  const media = await store.media.add({
    workspaceId: ws.id,
    interviewId: interview.id,
    position: 0,
    questionId: null,
    questionText: null,
    fileName: 'victim-answer.wav',
    storagePath,
    contentType: 'audio/wav',
    bytes: wav.length,
    sha256: 'x'.repeat(64),
    durationSeconds: 0.1,
  });
  const task = await store.queue.enqueue({
    workspaceId: ws.id,
    kind: 'analyze-interview',
    payload: { interviewId: interview.id },
  });
  // What the candidate said of themself: only the auditor's routes may ever answer with it.
  await store.demographics.saveMany(
    ws.id,
    [
      {
        candidateId: candidate.id,
        sex: 'female',
        raceEthnicity: 'native_hawaiian_or_pacific_islander',
        ageBand: '40_or_over',
      },
    ],
    'fixture',
  );
  const cohort = await store.cohorts.create({ workspaceId: ws.id, name: 'Victim Secret Cohort' });
  await store.cohorts.addMembers(cohort.id, [student.id]);
  const reference = JSON.parse(
    fs.readFileSync(path.join(packageRoot(), 'models', 'reference-overall.json'), 'utf8'),
  ) as Record<string, unknown>;
  const modelId = `victim-model-${randomBytes(8).toString('hex')}`;
  await store.models.add({
    workspaceId: ws.id,
    id: modelId,
    version: 1,
    target: 'overall',
    name: 'Victim Secret Model',
    definition: { ...reference, id: modelId, name: 'Victim Secret Model' },
    source: 'import',
    createdBy: admin.id,
  });
  await store.models.activate(ws.id, modelId, 1);
  const alert = await store.fairnessAlerts.raise({
    workspaceId: ws.id,
    modelId,
    modelVersion: 1,
    modelName: 'Victim Secret Model',
    category: 'sex',
    group: 'female',
    referenceGroup: 'male',
    impactRatio: 0.5,
    members: 40,
    window: 200,
  });

  const link = newLinkToken();
  const invitation = await store.invitations.create({
    workspaceId: ws.id,
    jobId: job.id,
    candidateId: candidate.id,
    applicationId: application.id,
    tokenHash: link.hash,
    questions: [{ id: 'secret-q', text: 'Victim Secret question?', competencies: [], keyPoints: [] }],
    questionSetId: null,
    expiresAt: '2999-01-01T00:00:00.000Z',
    answerSeconds: 60,
    prepSeconds: 0,
    retakes: 0,
    textAnswers: true,
    createdBy: admin.id,
  });

  const { message } = await store.messages.enqueue({
    workspaceId: ws.id,
    candidateId: candidate.id,
    applicationId: application.id,
    flow: 'status_update',
    step: 'victim',
    channel: 'email',
    toAddress: 'victoria@victim.test',
    subject: 'Victim Secret subject',
    body: 'Victim Secret body',
  });

  const { microTask } = await store.microTasks.create({
    workspaceId: ws.id,
    interviewId: interview.id,
    invitationId: invitation.id,
    candidateId: candidate.id,
    applicationId: application.id,
    scorecardId: scorecard.id,
    competencyId: 'empathy',
    competencyName: 'Empathy',
    reason: 'gap',
    detail: 'Empathy scored 40/100 (a gap: below 60)',
    questionId: 'mt-empathy-1',
    questionText: 'Victim Secret micro-task question?',
    questionSource: 'micro-task bank',
    position: 1,
    tokenHash: newLinkToken().hash,
    expiresAt: '2999-01-01T00:00:00.000Z',
  });

  const topic = await store.knowledge.topics.create(ws.id, {
    name: 'Victim Secret topic',
    synonyms: ['Victim Secret synonym'],
  });
  const trackedName = await store.knowledge.names.create(ws.id, {
    kind: 'competitor',
    name: 'Victim Secret rival',
    aliases: ['Victim Secret alias'],
  });
  await store.knowledge.replaceTags(interview.id, [
    {
      kind: 'topic',
      label: 'Victim Secret topic',
      refId: topic.id,
      quote: 'Victim Secret quote',
      speaker: 'Victoria Secretname',
      startS: 0,
      endS: 1,
      segmentPosition: 0,
      endPosition: null,
      sentiment: null,
      detail: null,
    },
  ]);

  const savedSearch = await store.savedSearches.create({
    workspaceId: ws.id,
    userId: admin.id,
    name: 'Victim Secret search',
    query: 'Victim Secret query',
    filters: { account: 'Victim Secret account' },
  });

  const ids = {
    admin: admin.id,
    student: student.id,
    token: token.id,
    framework: framework.id,
    questionSet: questionSet.id,
    job: job.id,
    candidate: candidate.id,
    application: application.id,
    interview: interview.id,
    practice: practice.id,
    scorecard: scorecard.id,
    practiceScorecard: practiceScorecard.id,
    media: media.id,
    task: task.id,
    cohort: cohort.id,
    model: modelId,
    alert: alert!.id,
    invitation: invitation.id,
    takeToken: link.token,
    message: message.id,
    microTask: microTask.id,
    topic: topic.id,
    trackedName: trackedName.id,
    savedSearch: savedSearch.id,
  };
  const secrets = [
    ...Object.values(ids),
    'Victor Hiddenadmin',
    'Vera Hiddenstudent',
    'victim.test',
    'Victim Secret',
    'Victoria Secretname',
    'Classified role',
  ];
  return { workspaceId: ws.id, ids, secrets, adminToken };
}

/** One API token per role in a second workspace. */
export async function seedIntruders(store: Store): Promise<Record<UserRole, string>> {
  const ws = await store.workspaces.ensure({ slug: `intruder-${Date.now()}`, name: 'Intruder Ltd' });
  const tokens = {} as Record<UserRole, string>;
  for (const role of USER_ROLES) {
    const user = await store.users.create({
      workspaceId: ws.id,
      email: `${role}@intruder.test`,
      name: `Intruder ${role}`,
      role,
      password: 'intruder-password-123',
    });
    tokens[role] = (await store.users.createApiToken(user.id, 'intruder')).token;
  }
  return tokens;
}

/** Who of the victim's own workspace calls in the same-workspace walk. */
export type Colleague = UserRole | 'owner';

/**
 * API tokens of the victim's own workspace: one user of every role (the `candidate` is another
 * student, not the one who practised) and `owner`, the student whose practice it is.
 * @example const colleagues = await seedColleagues(store, victim)
 */
export async function seedColleagues(store: Store, victim: Victim): Promise<Record<Colleague, string>> {
  const tokens = {} as Record<Colleague, string>;
  for (const role of USER_ROLES) {
    const user = await store.users.create({
      workspaceId: victim.workspaceId,
      email: `colleague.${role}@victim.test`,
      name: `Colleague ${role}`,
      role,
      password: 'colleague-password-123',
    });
    tokens[role] = (await store.users.createApiToken(user.id, 'colleague')).token;
  }
  tokens.owner = (await store.users.createApiToken(victim.ids.student, 'owner')).token;
  return tokens;
}
