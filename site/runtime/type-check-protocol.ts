// The messages between the page and the type checker's worker.

import type { TypeDiagnostic } from './type-check.ts';

/** A request to check one cell's code, given the names earlier cells defined in the kernel. */
export interface TypeCheckRequest {
  /** A number unique to this request, echoed in the reply. */
  id: number;
  /** The cell's TypeScript. */
  code: string;
  /** The names the kernel holds from earlier runs, declared `any` for the check. */
  earlierNames: string[];
}

/** The checker's answer: the cell's type problems, or why it could not check. */
export type TypeCheckReply = { id: number; ok: true; diagnostics: TypeDiagnostic[] } | { id: number; ok: false; message: string };
