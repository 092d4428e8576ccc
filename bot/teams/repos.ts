// How current a turn's reads must be, decided once per turn here: a turn that only shows something and that a
// person asked for may use this instance's copies up to READ_CACHE_MS old; an automatic refresh (Teams sends
// one right after a card was updated for everyone) and every change read current versions.
import { ReadPolicy, type Repositories, type StoreRepositories } from '../store';

/** The repositories a turn works with, bound to the turn's read policy. */
export type Repos = Repositories;

export class TurnRepos {
  private readonly current: Repos;
  private readonly showing: Repos;

  /** `readCacheMs` 0: every turn reads current versions. */
  constructor(repos: StoreRepositories, readCacheMs: number) {
    this.current = repos.reading(ReadPolicy.current);
    this.showing = repos.reading(ReadPolicy.maxAge(readCacheMs));
  }

  /** `showsOnly`: the turn cannot change anything and a person asked for it (not an automatic refresh). */
  forTurn(showsOnly: boolean): Repos {
    return showsOnly ? this.showing : this.current;
  }
}
