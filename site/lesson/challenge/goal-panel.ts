// The Playground's goal panel: when the page URL carries a challenge (`&challenge=<id>&goal=<compact goal>`, as a
// <Challenge> card links), the playground shows each condition of the goal with a live ✓ or ✗ for the current
// settings and frame. When every condition holds on one frame, the challenge is met: a message says so once, and
// it is recorded in the reader's progress alongside the exercises. A garbled link shows what is wrong and records
// nothing; the playground itself works as usual.
//
// Each frame is judged against the settings of the run that drew it (run-tracker.ts), so a frame still in flight
// from the previous network is never credited to the new settings.

import type { FrameMessage, ToWorker } from '../playground/protocol.ts';
import { RunTracker } from './run-tracker.ts';
import { challengeMet, recordChallenge } from '../../../exercises/progress.ts';
import { ProgressStore } from '../exercise/progress-store.ts';
import {
  CHALLENGE_PARAM,
  CHALLENGE_PLAYGROUND_PARAM,
  GOAL_PARAM,
  TITLE_PARAM,
  cleanTitle,
  decodeGoal,
  encodeGoal,
  evaluateGoal,
  goalMet,
  goalSentence,
  isChallengeId,
  type Goal,
} from './goal.ts';

/** What a challenge link asks for: a readable goal with its id, or the reasons it is not readable. */
export type ChallengeLink = { id: string; goal: Goal; title: string | null } | { problems: string[] };

/** Reads a challenge link's parameters; null when the URL has none. */
export function readChallengeLink(search: string): ChallengeLink | null {
  const params = new URLSearchParams(search);
  const id = params.get(CHALLENGE_PARAM);
  const goalText = params.get(GOAL_PARAM);
  if (id === null && goalText === null) return null;
  const problems: string[] = [];
  if (id === null || !isChallengeId(id)) problems.push('the challenge needs an id of lowercase words joined by hyphens');
  const decoded = decodeGoal(goalText ?? '');
  problems.push(...decoded.problems);
  if (problems.length > 0 || decoded.goal === null) return { problems };
  return { id: id!, goal: decoded.goal, title: cleanTitle(params.get(TITLE_PARAM)) };
}

/** The panel in one playground. */
export class GoalPanel {
  private readonly list: HTMLUListElement;
  private readonly result: HTMLElement;
  private readonly run = new RunTracker();
  private met = false;
  private readonly store = new ProgressStore(undefined);

  /** The panel for the playground `host` reading URL parameter `param`, if the page URL carries a challenge for it. */
  static fromUrl(host: HTMLElement, param: string, search = location.search): GoalPanel | null {
    if (param !== CHALLENGE_PLAYGROUND_PARAM) return null;
    const link = readChallengeLink(search);
    return link === null ? null : new GoalPanel(host, link);
  }

  private constructor(
    private readonly host: HTMLElement,
    private readonly link: ChallengeLink,
  ) {
    const section = document.createElement('section');
    section.className = 'pg-goal';
    const headingId = `${host.querySelector('.pg-picture')?.id ?? 'pg'}-goal`;
    section.setAttribute('aria-labelledby', headingId);
    const heading = document.createElement('h4');
    heading.id = headingId;
    heading.className = 'pg-goal-title';
    const sentence = document.createElement('p');
    sentence.className = 'pg-goal-sentence';
    this.list = document.createElement('ul');
    this.list.className = 'pg-goal-list';
    this.result = document.createElement('p');
    this.result.className = 'pg-goal-result';
    this.result.setAttribute('role', 'status');
    section.append(heading, sentence, this.list, this.result);
    if ('problems' in link) {
      heading.textContent = 'Challenge link not readable';
      sentence.textContent = `This link's challenge could not be read, so nothing will be recorded: ${link.problems.join('; ')}. The playground works as usual.`;
      section.dataset.state = 'unreadable';
    } else {
      heading.textContent = `Challenge: ${link.title ?? link.id}`;
      sentence.textContent = `Goal: ${goalSentence(link.goal)} Every condition must hold on the same frame.`;
      this.met = this.alreadyMet(link.id);
      if (this.met) {
        this.say('You have met this challenge before; it is saved with your progress.');
        host.dataset.challengeMet = link.id;
      }
      section.dataset.state = this.met ? 'met' : 'open';
    }
    const body = host.querySelector('.pg-body');
    if (body !== null) body.before(section);
    else host.append(section);
  }

  private alreadyMet(id: string): boolean {
    return challengeMet(this.store.read().progress, id);
  }

  private say(text: string): void {
    this.result.textContent = text;
  }

  /** The page sent the worker a message: a new structure or a reset means a new run, whose data is still to come. */
  sent(message: ToWorker): void {
    this.run.sent(message);
  }

  /** The worker started a run (its data arrived). */
  dataArrived(): void {
    this.run.dataArrived();
  }

  /** A frame was drawn: every condition checked, and the challenge recorded if all hold. */
  frame(frame: FrameMessage): void {
    if ('problems' in this.link) return;
    const current = this.run.current;
    const shown = current ?? this.run.latest;
    if (shown === null) return;
    const results = evaluateGoal(this.link.goal, shown, current === null ? null : frame);
    this.render(results);
    if (current !== null && goalMet(results) && !this.met) this.meet(frame.epoch);
  }

  private render(results: ReturnType<typeof evaluateGoal>): void {
    const items = [...this.list.children] as HTMLLIElement[];
    results.forEach((result, i) => {
      let item = items[i];
      if (item === undefined) {
        item = document.createElement('li');
        item.innerHTML = '<span class="pg-goal-mark" aria-hidden="true"></span> <span class="pg-goal-text"></span> <span class="pg-goal-now"></span>';
        this.list.append(item);
      }
      const mark = result.met ? '✓' : '✗';
      item.dataset.met = String(result.met);
      item.dataset.key = result.key;
      const markElement = item.querySelector('.pg-goal-mark')!;
      if (markElement.textContent !== mark) markElement.textContent = mark;
      const text = `${result.text}${result.met ? ' (holds)' : ' (not yet)'}`;
      const textElement = item.querySelector('.pg-goal-text')!;
      if (textElement.textContent !== text) textElement.textContent = text;
      const now = result.now === '' ? '' : `now ${result.now}`;
      const nowElement = item.querySelector('.pg-goal-now')!;
      if (nowElement.textContent !== now) nowElement.textContent = now;
    });
  }

  private meet(epoch: number): void {
    if ('problems' in this.link) return;
    this.met = true;
    const { id, goal } = this.link;
    this.store.update((progress) => recordChallenge(progress, id, encodeGoal(goal), epoch));
    const saved = this.store.unsaved ? ' This browser did not let the course save it, so it is kept on this page only.' : ' It is saved with your exercise progress.';
    this.say(`Challenge met at epoch ${epoch}: every condition held on the same frame.${saved}`);
    this.host.querySelector<HTMLElement>('.pg-goal')!.dataset.state = 'met';
    this.host.dataset.challengeMet = id;
  }
}
