/** A job description as the analysers see it. */
export interface JobProfile {
  readonly title: string;
  /** Full text of the description. */
  readonly text: string;
  /** Skills and terms the role asks for, as written in the description (one per entry). */
  readonly skills: readonly string[];
}
