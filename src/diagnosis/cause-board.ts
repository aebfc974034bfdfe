// A scoreboard of candidate causes: priors from the code's usual causes, then raised, lowered
// or struck out by evidence. Higher scores rank first; equal scores keep insertion order.

import type { CauseId } from '../rules/cause-ids';
import type { Cause, Confidence, Evidence } from './types';

interface Entry {
  score: number;
  confidence: Confidence;
  evidence: Evidence[];
  order: number;
}

export class CauseBoard {
  private readonly entries = new Map<CauseId, Entry>();
  private added = 0;

  /** Adds the cause, or raises it to `score` / `confidence` if it is there with less. */
  set(id: CauseId, score: number, confidence: Confidence, ...evidence: Evidence[]): void {
    const entry = this.entries.get(id);
    if (!entry) {
      this.entries.set(id, { score, confidence, evidence: [...evidence], order: this.added++ });
      return;
    }
    entry.score = Math.max(entry.score, score);
    if (rank(confidence) > rank(entry.confidence)) entry.confidence = confidence;
    entry.evidence.push(...evidence);
  }

  /** Lowers a cause the evidence speaks against (it stays, as a possibility, at the end). */
  lower(id: CauseId, score: number, confidence: Confidence, ...evidence: Evidence[]): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.score = Math.min(entry.score, score);
    entry.confidence = confidence;
    entry.evidence.push(...evidence);
  }

  remove(id: CauseId): void {
    this.entries.delete(id);
  }

  has(id: CauseId): boolean {
    return this.entries.has(id);
  }

  top(): CauseId | null {
    return this.ranked()[0]?.id ?? null;
  }

  /** Adds evidence to a cause that is on the board, once: the same fact is not listed twice. */
  support(id: CauseId, ...evidence: Evidence[]): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    const known = new Set(entry.evidence.map((e) => JSON.stringify(e)));
    entry.evidence.push(...evidence.filter((e) => !known.has(JSON.stringify(e))));
  }

  ranked(): Cause[] {
    return [...this.entries.entries()]
      .sort(([, a], [, b]) => b.score - a.score || a.order - b.order)
      .map(([id, e]) => ({ id, confidence: e.confidence, evidence: e.evidence }));
  }

  scoreOf(id: CauseId): number | null {
    return this.entries.get(id)?.score ?? null;
  }
}

function rank(confidence: Confidence): number {
  return confidence === 'high' ? 2 : confidence === 'medium' ? 1 : 0;
}
