// How current a read must be. The Teams edge picks one policy per turn (bot/teams/repos.ts) and works with
// repositories bound to it (Store.repos.reading); nothing below the edge decides freshness.

export class ReadPolicy {
  /** Every read asks the database (a 304 without a body when this instance's copy is current). */
  static readonly current = new ReadPolicy(undefined);

  /** Copies and query results this instance got from the database at most `ms` ago will do; 0: current. */
  static maxAge(ms: number): ReadPolicy {
    return ms > 0 ? new ReadPolicy(ms) : ReadPolicy.current;
  }

  /** Undefined: current. Shaped as the repository's read options, so it is passed on as it is. */
  private constructor(readonly maxAgeMs: number | undefined) {}
}
