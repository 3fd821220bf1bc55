import { expect, it } from 'vitest';
import { loadQuestionSet } from '../../../assessment/question-bank.js';
import { need, requires } from '../../../test-helpers.js';
import type { LanguageContext } from '../language-signal.js';
import { goalMarkersPer100 } from '../signals/markers.js';
import { buildDocumentFromSegments } from '../text-document.js';
import { loadEmbeddings } from './embeddings.js';
import { keyPointCoverage, keyPointDegrees } from './key-point-coverage.js';
import { createSimilarity } from './similarity.js';

/**
 * Answers written the way students answer the built-in behavioural questions
 * (frameworks/questions/default.yaml): plain, hedged, rambling, with numbers and without, and
 * some that should score low (off-topic, no result stated, vague). Each states what a teacher
 * would expect of "Goal and result markers" and "Key points covered"; `belowCoverageOf` names the
 * answer to the same question that should cover more. The first is the practice answer of issue 11.
 */
interface StudentAnswer {
  readonly name: string;
  readonly question: string;
  readonly text: string;
  /** 'some': a goal or result is stated, markers > 0; 'none': nothing stated, markers = 0. */
  readonly markers?: 'some' | 'none';
  readonly coverageAtLeast?: number;
  readonly coverageBelow?: number;
  readonly belowCoverageOf?: string;
}

const ANSWERS: readonly StudentAnswer[] = [
  {
    name: 'practice answer (issue 11)',
    question: 'difficult-problem',
    text:
      'At my last job in customer support, the hardest problem was that our ticket queue kept growing faster than we could answer it, ' +
      'and it was hard because the same five questions came in every day and nobody had time to step back. ' +
      'We considered two options: hiring two more agents, which was expensive and slow, or writing a self-service help centre, which would take a month before it paid off. ' +
      'We chose the help centre. First I went through three months of tickets and grouped them by topic, then I wrote twenty articles for the most common ones and linked them from the contact form. ' +
      'The result was that support tickets about those topics were 40 percent lower after six weeks, and our first reply time went down from two days to under one.',
    markers: 'some',
    coverageAtLeast: 0.75,
  },
  {
    name: 'plain, with numbers',
    question: 'difficult-problem',
    text:
      'The hardest problem I solved was a slow report at my internship. It took ten minutes to load, and it was hard because nobody knew which query was slow. ' +
      'I thought about adding more memory to the server or rewriting the query, and rewriting was cheaper but riskier. ' +
      'I measured every query, found one that scanned the whole table and added an index. We cut the load time from ten minutes to 40 seconds.',
    markers: 'some',
    coverageAtLeast: 0.5,
  },
  {
    name: 'hedged',
    question: 'difficult-problem',
    text:
      'Um, I guess the most difficult thing was maybe when our group project kind of fell apart? Like, two people stopped replying and it was hard because the deadline was close. ' +
      'I sort of thought we could either ask the teacher for more time or just split their parts, and I think splitting was faster but more work for us. ' +
      'So I made a new plan and we each took one extra section. In the end we handed it in on time and I think we got a B plus.',
    markers: 'some',
    coverageAtLeast: 0.5,
  },
  {
    name: 'rambling, result at the end',
    question: 'difficult-problem',
    text:
      'So this was in my second year, I was working part time at a café, well, actually it was more of a bakery that also sold coffee, and the owner, she was really nice, ' +
      'but the problem was that we threw away so much bread every night, and it was hard because you never know how many people will come in, it depends on the weather and everything. ' +
      'And I said maybe we could bake less, or bake twice a day, and baking twice meant coming in earlier, which nobody wanted, but anyway. ' +
      'I started writing down what we sold each day and after a month I made a little table for the owner. ' +
      'In the end we threw away about half as much bread, which meant the owner saved around 200 dollars a month.',
    markers: 'some',
    coverageAtLeast: 0.5,
  },
  {
    name: 'no result stated',
    question: 'difficult-problem',
    text:
      'The problem was that our website kept crashing when lots of people visited. It was hard because it only happened sometimes. ' +
      'I looked at the logs and talked to my teammate about it. Then I tried changing some settings on the server and restarting it.',
    markers: 'none',
    belowCoverageOf: 'practice answer (issue 11)',
  },
  {
    name: 'off-topic',
    question: 'difficult-problem',
    text:
      'I really like working with people and I am a hard worker. In my free time I play football and I volunteer at the animal shelter on weekends. ' +
      'My friends say I am reliable and friendly.',
    markers: 'none',
    coverageBelow: 0.35,
    belowCoverageOf: 'no result stated',
  },
  {
    name: 'vague',
    question: 'difficult-problem',
    text: "I solve problems all the time. I just think about it and figure it out, and usually it works. I'm good at that.",
    markers: 'none',
    belowCoverageOf: 'plain, with numbers',
  },
  {
    name: 'missed goal, complete',
    question: 'missed-goal',
    text:
      'Last semester my goal was to run a 10 kilometre race in under 50 minutes, and I measured it with my running app every week. ' +
      'I missed it by three minutes because I got injured in week six and skipped training. ' +
      'Afterwards I changed my plan: I added strength exercises and ran four shorter runs instead of two long ones. ' +
      'As a result I ran 48 minutes in the spring race.',
    markers: 'some',
    coverageAtLeast: 0.6,
  },
  {
    name: 'missed goal, hedged',
    question: 'missed-goal',
    text:
      'I wanted to get an A in statistics, I think that was the goal, and it was measured by the final exam basically. ' +
      "I didn't get it, probably because I left studying too late. After that I started, um, making a weekly schedule. " +
      'My grade in the next module was an A minus.',
    markers: 'some',
    coverageAtLeast: 0.45,
    belowCoverageOf: 'missed goal, complete',
  },
  {
    name: 'missed goal, vague',
    question: 'missed-goal',
    text:
      "There was a thing at work that we didn't manage. It was a busy time and lots of things were happening. " +
      'We talked about it in a meeting and said we would try harder next time.',
    markers: 'none',
    belowCoverageOf: 'missed goal, hedged',
  },
  {
    name: 'missed goal, off-topic',
    question: 'missed-goal',
    text: 'My favourite subject at school was history because I like learning about the past. I also enjoy reading novels and cooking for my family.',
    markers: 'none',
    coverageBelow: 0.35,
    belowCoverageOf: 'missed goal, vague',
  },
  {
    name: 'remote conflict, complete',
    question: 'conflict-remote',
    text:
      'During my remote internship, a designer on my team and I disagreed about whether to launch the new sign-up page before user testing. ' +
      'I set up a video call instead of arguing in the chat, and I listened to her reasons first and repeated them back to check I understood her view. ' +
      'We agreed to test with five users over two days. ' +
      'The outcome was that we found two problems before launch, and after that we called each other whenever we disagreed, so our working relationship got much better.',
    markers: 'some',
    coverageAtLeast: 0.45,
  },
  {
    name: 'remote conflict, plain, no numbers',
    question: 'conflict-remote',
    text:
      'I had a conflict with a classmate on an online group project about who should present. I asked him on a call what he thought. ' +
      'He said he needed the practice more than me. We decided to split the presentation and it went well and we are still friends.',
    belowCoverageOf: 'remote conflict, complete',
  },
  {
    name: 'remote conflict, off-topic',
    question: 'conflict-remote',
    text: 'I think working from home is great because you can work from anywhere. I like to start early and take breaks to walk my dog.',
    coverageBelow: 0.35,
    belowCoverageOf: 'remote conflict, plain, no numbers',
  },
  {
    name: 'priorities, with numbers',
    question: 'prioritise',
    text:
      'In exam week I had three exams, a shift at the shop and a group report due on Friday. ' +
      'I ranked everything by deadline and by how much of my grade it was worth, and those were my criteria. ' +
      'I swapped my shift with a colleague and dropped the gym for the week. ' +
      'The result was that I handed the report in a day early and got 72 percent in my hardest exam.',
    markers: 'some',
    coverageAtLeast: 0.5,
  },
  {
    name: 'priorities, rambling, nothing concrete',
    question: 'prioritise',
    text:
      "Oh, that happens a lot to be honest, like, I always have a lot going on, with uni and work and stuff, and, yeah, I usually just make a list, or sometimes I don't, it depends, " +
      "and I do whatever feels most urgent, and sometimes I stay up late, which isn't great, but it gets done, mostly.",
    markers: 'none',
    belowCoverageOf: 'priorities, with numbers',
  },
  {
    name: 'priorities, "search results" is not a result',
    question: 'prioritise',
    text:
      'The search results on our website were wrong, so I had to fix them while also answering emails and preparing a demo. ' +
      'I looked at what customers complained about most and did that first. I asked my manager to move the demo.',
    markers: 'none',
    belowCoverageOf: 'priorities, with numbers',
  },
  {
    name: 'achievement, complete',
    question: 'proud-achievement',
    text:
      "I'm most proud of the tutoring programme I started at my school. I recruited twelve volunteer tutors and wrote the schedule myself, while the teachers found the rooms. " +
      'Within one term, the students we tutored improved their maths grades by one grade on average. ' +
      'It matters to me because I struggled with maths myself and nobody helped me.',
    markers: 'some',
    coverageAtLeast: 0.6,
  },
  {
    name: 'achievement, vague',
    question: 'proud-achievement',
    text: "I'm proud of lots of things, like finishing school and getting this far. My family is proud of me too.",
    markers: 'none',
    belowCoverageOf: 'achievement, complete',
  },
  {
    name: 'achievement, numbers without result words',
    question: 'proud-achievement',
    text:
      'We grew our Instagram page from 300 to 5,000 followers in a year. I made most of the videos myself. ' +
      'It matters to me because it was the first thing I built from nothing.',
    markers: 'some',
    coverageAtLeast: 0.5,
  },
  {
    name: 'achievement, hedged',
    question: 'proud-achievement',
    text:
      'Probably my final-year project? The aim was to build an app that reminds older people to take their medicine. ' +
      'I did the coding and my partner did the design. I think about thirty people tried it and they said it helped, so that was nice.',
    markers: 'some',
    belowCoverageOf: 'achievement, complete',
  },
];

const QUESTIONS = new Map(loadQuestionSet('default').questions.map((q) => [q.id, q]));

function doc(answer: StudentAnswer) {
  const question = QUESTIONS.get(answer.question);
  if (!question) throw new Error(`no built-in question ${answer.question}`);
  return buildDocumentFromSegments(0, [{ speaker: null, start: null, end: null, text: answer.text }], {
    question,
  });
}

requires(need.wordVectors()).describe(
  'content signals on answers written the way students write them',
  () => {
    const context: LanguageContext = { job: null, similarity: createSimilarity(loadEmbeddings()) };
    const coverage = new Map(ANSWERS.map((a) => [a.name, keyPointCoverage.compute(doc(a), context).value]));

    it('has the practice answer, 20 more, and four key points for the practice question', () => {
      expect(ANSWERS).toHaveLength(21);
      expect(QUESTIONS.get('difficult-problem')?.keyPoints).toHaveLength(4);
    });

    it.each(ANSWERS.map((a) => [a.name, a] as const))('%s', (_name, answer) => {
      const markers = goalMarkersPer100.compute(doc(answer), context);
      const value = coverage.get(answer.name);
      if (answer.markers === 'some') expect(markers.value).toBeGreaterThan(0);
      if (answer.markers === 'none') expect(markers.evidence.map((e) => e.label)).toEqual([]);
      expect(value).not.toBeNull();
      if (answer.coverageAtLeast !== undefined) expect(value).toBeGreaterThanOrEqual(answer.coverageAtLeast);
      if (answer.coverageBelow !== undefined) expect(value).toBeLessThan(answer.coverageBelow);
      if (answer.belowCoverageOf !== undefined)
        expect(value).toBeLessThan(coverage.get(answer.belowCoverageOf) ?? -1);
    });

    it('quotes, for the practice answer, the sentence that expresses each key point and how much', () => {
      const practice = ANSWERS[0] as StudentAnswer;
      const degrees = keyPointDegrees(doc(practice), context);
      expect(degrees.map((k) => k.keyPoint)).toEqual(QUESTIONS.get('difficult-problem')?.keyPoints);
      const sentences = doc(practice).sentences;
      const quoted = degrees.map((k) => (k.sentence === null ? '' : (sentences[k.sentence]?.text ?? '')));
      expect(quoted[0]).toMatch(/hardest problem/);
      expect(quoted[1]).toMatch(/considered two options/);
      expect(quoted[3]).toMatch(/^The result was that support tickets/);
      for (const k of degrees) expect(k.degree).toBeGreaterThanOrEqual(0.5);
      const evidence = keyPointCoverage.compute(doc(practice), context).evidence;
      expect(evidence[3]?.label).toMatch(/^the measurable result: (0\.\d+|1)$/);
    });
  },
);
