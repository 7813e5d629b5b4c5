/**
 * The synthetic demo data set (`npm start -- --demo`): seven clearly labelled demo schools and
 * colleges in three areas, with class sessions over the last four school terms, so the
 * officers' results and the teachers' reports have something to show without a real class.
 * Deterministic: the same seed, module and `now` give the same rows, ids and all. Pure: the
 * server inserts what this returns (lib/server/demo-data.ts).
 *
 * The shape of a school year: about 800 students; classes of 8 to 32 (one sixth form has only
 * small classes, so "fewer than 10" shows); live and self-paced sessions; a quarter of the
 * students stop before the after questions; a third of the sessions have a follow-up 4 to 8
 * weeks later, where about 60% of the devices come back with the same pairing code.
 */
import type { ModuleStructure } from '@/lib/content/schema';
import type { OrganisationKind } from '@/lib/db/schema';
import { answerStep, demoStudent, scoredAnswer, type DemoAnswer, type DemoStudent } from './demo-answers';
import { joinCodeFromBytes } from './join-code';
import type { JourneyStep } from './journey';
import { termOfDate, type SchoolTerm } from './school-terms';
import { seededRandom, type SeededRandom } from './seeded-random';
import { sessionJourney, sessionJourneyOptions } from './session-journey';

export const DEMO_DATA_SEED = 20_240_904;
/** Demo organisations' names start with this, so nobody mistakes one for a real school. */
export const DEMO_NAME_PREFIX = 'Demo – ';

interface DemoOrganisationPlan {
  name: string;
  kind: OrganisationKind;
  area: string;
  sessions: number;
  classSize: [number, number];
  /** Added to each student's leaning towards risky story choices. */
  riskiness: number;
}

const ORGANISATION_PLANS: readonly DemoOrganisationPlan[] = [
  { name: 'Northfield Academy', kind: 'school', area: 'North Vale', sessions: 5, classSize: [18, 30], riskiness: 0 },
  { name: "St Aidan's Sixth Form", kind: 'school', area: 'North Vale', sessions: 6, classSize: [8, 12], riskiness: 0 },
  { name: 'North Vale College', kind: 'college', area: 'North Vale', sessions: 5, classSize: [14, 32], riskiness: 0.9 },
  { name: 'Riverside School', kind: 'school', area: 'Riverside', sessions: 5, classSize: [16, 28], riskiness: 0.1 },
  { name: 'Riverside College', kind: 'college', area: 'Riverside', sessions: 5, classSize: [14, 32], riskiness: 0.8 },
  { name: 'Eastmoor High School', kind: 'school', area: 'Eastmoor', sessions: 5, classSize: [18, 30], riskiness: -0.2 },
  { name: 'Eastmoor Community College', kind: 'college', area: 'Eastmoor', sessions: 4, classSize: [12, 26], riskiness: 0.3 },
];

export interface DemoOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  area: string;
  createdAt: Date;
}

export interface DemoClassSession {
  id: string;
  joinCode: string;
  moduleId: string;
  contentVersion: string;
  organisationId: string;
  mode: 'live' | 'self_paced';
  beforeAfter: boolean;
  /** Two in three classes do the core only. */
  path: 'core' | 'full';
  closesAt: Date | null;
  status: 'closed';
  liveStep: number;
  showJoinCode: boolean;
  followUpOf: string | null;
  createdAt: Date;
  closedAt: Date;
  /** Why it closed (decision 16): a self-paced one at its time, a live one by its teacher. */
  closedReason: 'teacher' | 'time';
}

export interface DemoParticipant {
  id: string;
  locale: 'en-GB' | 'pl';
  classSessionId: string;
  pairingHash: string;
  createdAt: Date;
}

export interface DemoAnswerRow extends DemoAnswer {
  participantId: string;
  contentVersion: string;
  receivedAt: Date;
}

export interface DemoDataSet {
  organisations: DemoOrganisation[];
  classSessions: DemoClassSession[];
  participants: DemoParticipant[];
  answers: DemoAnswerRow[];
  /** Distinct devices (pairing codes): a student at a first session and its follow-up counts once. */
  students: number;
}

export interface DemoDataOptions {
  structure: ModuleStructure;
  contentVersion: string;
  now: Date;
  seed?: number;
  /** Join codes already taken by real sessions; a demo session never reuses one. */
  takenJoinCodes?: ReadonlySet<string>;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const FOLLOW_UP_SHARE = 1 / 3;
const PAIRED_SHARE = 0.6;
const DROP_OUT_SHARE = 0.25;

/** A first visit's students, kept so a follow-up can bring the same devices back. */
interface DemoClass {
  session: DemoClassSession;
  riskiness: number;
  students: { student: DemoStudent; participant: DemoParticipant }[];
}

export function generateDemoData(options: DemoDataOptions): DemoDataSet {
  const random = seededRandom(options.seed ?? DEMO_DATA_SEED);
  const taken = new Set(options.takenJoinCodes ?? []);
  const joinCode = () => {
    for (;;) {
      const code = joinCodeFromBytes(random.bytes(32));
      if (!taken.has(code)) {
        taken.add(code);
        return code;
      }
    }
  };
  const terms = recentTeachingWindows(options.now, 4);
  const set: DemoDataSet = { organisations: [], classSessions: [], participants: [], answers: [], students: 0 };
  const firstVisits: DemoClass[] = [];

  for (const plan of ORGANISATION_PLANS) {
    const organisationId = random.uuid();
    const termOrder = random.sample(terms, terms.length);
    const sessions: DemoClassSession[] = [];
    for (let i = 0; i < plan.sessions; i += 1) {
      const term = termOrder[i % termOrder.length];
      if (!term) continue;
      const mode = random.chance(0.6) ? 'live' : 'self_paced';
      const session = newSession(random, options, {
        id: random.uuid(),
        joinCode: joinCode(),
        organisationId,
        mode,
        beforeAfter: random.chance(0.85),
        // Not drawn from `random`, so the rest of the demo stays as it was.
        path: i % 3 === 2 ? 'full' : 'core',
        followUpOf: null,
        start: lessonTime(random, dayIn(random, term)),
      });
      const demoClass: DemoClass = { session, riskiness: plan.riskiness, students: [] };
      const size = random.int(...plan.classSize);
      for (let s = 0; s < size; s += 1) {
        demoClass.students.push({ student: demoStudent(random, plan.riskiness), participant: newParticipant(random, session) });
      }
      addVisit(random, options, set, demoClass);
      sessions.push(session);
      firstVisits.push(demoClass);
    }
    const earliest = Math.min(...sessions.map((s) => s.createdAt.getTime()));
    set.organisations.push({
      id: organisationId,
      name: `${DEMO_NAME_PREFIX}${plan.name}`,
      kind: plan.kind,
      area: plan.area,
      createdAt: new Date(earliest - 30 * DAY_MS),
    });
  }

  addFollowUps(random, options, set, firstVisits, joinCode);
  set.students = new Set(set.participants.map((p) => p.pairingHash)).size;
  return set;
}

/** A third of the first visits that have had time for one get a follow-up 4–8 weeks later. */
function addFollowUps(
  random: SeededRandom,
  options: DemoDataOptions,
  set: DemoDataSet,
  firstVisits: readonly DemoClass[],
  joinCode: () => string,
): void {
  const latest = options.now.getTime() - DAY_MS;
  // Eight weeks, a weekend and a week of self-pacing must fit before `now`.
  const eligible = firstVisits.filter((c) => c.session.createdAt.getTime() + (8 * 7 + 10) * DAY_MS < latest);
  const chosen = random.sample(eligible, Math.round(firstVisits.length * FOLLOW_UP_SHARE));
  for (const first of chosen) {
    const weeks = random.int(4 * 7, 8 * 7);
    const session = newSession(random, options, {
      id: random.uuid(),
      joinCode: joinCode(),
      organisationId: first.session.organisationId,
      mode: random.chance(0.5) ? 'live' : 'self_paced',
      beforeAfter: false,
      path: 'core',
      followUpOf: first.session.id,
      // From the start of that day: the first visit's own lesson time plus another could spill into a Saturday.
      start: lessonTime(random, nextWeekday(startOfDay(new Date(first.session.createdAt.getTime() + weeks * DAY_MS)))),
    });
    const followUp: DemoClass = { session, riskiness: first.riskiness, students: [] };
    const present = Math.max(2, Math.round(first.students.length * (0.7 + 0.2 * random.next())));
    const paired = Math.round(present * PAIRED_SHARE);
    for (const returning of random.sample(first.students, paired)) {
      // The same device: the same pairing code, so the same hash, and the same student.
      const participant = { ...newParticipant(random, session), pairingHash: returning.participant.pairingHash, locale: returning.participant.locale };
      followUp.students.push({ student: returning.student, participant });
    }
    for (let s = paired; s < present; s += 1) {
      // A new phone or a cleared browser: a new pairing code, nothing to pair with.
      followUp.students.push({ student: demoStudent(random, first.riskiness), participant: newParticipant(random, session) });
    }
    addVisit(random, options, set, followUp);
  }
}

function newSession(
  random: SeededRandom,
  options: DemoDataOptions,
  fields: Pick<DemoClassSession, 'id' | 'joinCode' | 'organisationId' | 'mode' | 'beforeAfter' | 'path' | 'followUpOf'> & { start: Date },
): DemoClassSession {
  const { start, ...rest } = fields;
  const selfPaced = fields.mode === 'self_paced';
  // Open for 3 to 7 days, and closed before `now`: the demo has no session still taking answers.
  const closesAt = selfPaced ? new Date(Math.min(start.getTime() + random.int(3, 7) * DAY_MS, options.now.getTime() - 60 * MINUTE_MS)) : null;
  return {
    ...rest,
    moduleId: options.structure.id,
    contentVersion: options.contentVersion,
    closesAt,
    status: 'closed',
    // A live session the teacher took to the end.
    liveStep: selfPaced ? 0 : sessionJourney(options.structure, sessionJourneyOptions(fields)).lastStep,
    showJoinCode: false,
    createdAt: start,
    // Set once every answer is in (addVisit); a self-paced session closed at its closing time.
    closedAt: closesAt ?? start,
    closedReason: selfPaced ? 'time' : 'teacher',
  };
}

function newParticipant(random: SeededRandom, session: DemoClassSession): DemoParticipant {
  return {
    id: random.uuid(),
    locale: random.chance(0.07) ? 'pl' : 'en-GB',
    classSessionId: session.id,
    // Stands for SHA-256 of the device's random pairing code: 64 hex digits either way.
    pairingHash: random.hex(64),
    createdAt: session.createdAt,
  };
}

/**
 * Every student's answers in one session. Live: the class moves together at the teacher's
 * pace. Self-paced: each student starts when they like before the closing time. A quarter
 * stop part-way through, before the after questions.
 */
function addVisit(random: SeededRandom, options: DemoDataOptions, set: DemoDataSet, demoClass: DemoClass): void {
  const { session } = demoClass;
  const steps: readonly JourneyStep[] = sessionJourney(options.structure, sessionJourneyOptions(session)).steps;
  const live = session.mode === 'live';
  // Those who drop out leave during the stories or the plan, before the after questions.
  const firstStory = steps.findIndex((s) => s.kind === 'scenario');
  const afterWave = steps.findIndex((s) => s.kind === 'section' && s.section === 'after');
  let lastAnswer = session.createdAt.getTime();
  set.classSessions.push(session);
  for (const { student, participant } of demoClass.students) {
    const window = (session.closesAt?.getTime() ?? session.createdAt.getTime()) - session.createdAt.getTime();
    let clock = session.createdAt.getTime() + (live ? random.int(1, 4) * MINUTE_MS : random.next() * Math.max(0, window - 3 * 60 * MINUTE_MS));
    participant.createdAt = new Date(clock);
    set.participants.push(participant);
    const stopAt = firstStory > 0 && random.chance(DROP_OUT_SHARE) ? random.int(firstStory, afterWave > 0 ? afterWave : steps.length - 1) : steps.length;
    // Some phones were offline for a while and sent their queue later.
    const delay = random.chance(0.05) ? random.int(2, 15) * MINUTE_MS : 0;
    for (const step of steps.slice(0, stopAt)) {
      // The device's seed for shuffling options: its pairing hash stands in, so a device that comes back keeps its order.
      for (const answer of answerStep(random, options.structure, step, student, participant.pairingHash)) {
        clock += random.int(12, 50) * 1000;
        const scored = scoredAnswer(random, options.structure, answer, new Date(clock));
        set.answers.push({
          ...scored,
          participantId: participant.id,
          contentVersion: options.contentVersion,
          receivedAt: new Date(clock + delay + random.int(200, 4000)),
        });
      }
    }
    lastAnswer = Math.max(lastAnswer, clock);
  }
  // A live session ends a few minutes after its last answer; a self-paced one at its closing time.
  if (live) session.closedAt = new Date(lastAnswer + random.int(2, 6) * MINUTE_MS);
}

/** A stretch of school days to hold sessions in: a term, up to yesterday for the term under way. */
interface TeachingWindow {
  start: Date;
  end: Date;
}

/**
 * The `count` most recent school terms (lib/domain/school-terms.ts) that had begun by `now`,
 * latest first, as windows of teaching days: summer teaching ends in late July, and the term
 * under way counts only once it has run two weeks.
 */
export function recentTeachingWindows(now: Date, count: number): TeachingWindow[] {
  const yesterday = now.getTime() - DAY_MS;
  const windows: TeachingWindow[] = [];
  let term: SchoolTerm = termOfDate(now.toISOString().slice(0, 10));
  for (let guard = 0; windows.length < count && guard < count + 2; guard += 1) {
    const start = new Date(`${term.from}T00:00:00Z`);
    const lastDay = term.term === 'summer' ? `${term.year}-07-20` : term.to;
    const end = new Date(Math.min(new Date(`${lastDay}T00:00:00Z`).getTime(), yesterday));
    if (end.getTime() - start.getTime() >= 14 * DAY_MS) windows.push({ start, end });
    term = termOfDate(new Date(start.getTime() - DAY_MS).toISOString().slice(0, 10));
  }
  return windows;
}

/** A school day (Monday to Friday) on or after `date`. */
function startOfDay(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
}

function nextWeekday(date: Date): Date {
  const day = date.getUTCDay();
  return new Date(date.getTime() + (day === 6 ? 2 : day === 0 ? 1 : 0) * DAY_MS);
}

/** A school day within the term, mostly away from its first and last days. */
function dayIn(random: SeededRandom, term: TeachingWindow): Date {
  const span = Math.max(1, Math.floor((term.end.getTime() - term.start.getTime()) / DAY_MS) - 3);
  return nextWeekday(new Date(term.start.getTime() + random.int(0, span) * DAY_MS));
}

/** A lesson's start on that day, between 9:00 and 14:00 UTC, on the quarter hour. */
function lessonTime(random: SeededRandom, day: Date): Date {
  return new Date(day.getTime() + random.int(9 * 4, 14 * 4) * 15 * MINUTE_MS);
}
