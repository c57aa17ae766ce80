// The reasoning of someone who holds copies of the data files: who could have written what, and
// whether an order seen on disk is better than chance. Plain combinatorics, no netmirror code.

/**
 * For each item (a marker, an answer pattern), every member who could have written it in some
 * one-to-one assignment of items to members in which each item goes to a member allowed by
 * `allowed[item]`. Items and members are numbered from 0; there are as many members as items.
 * Returns null when no such assignment exists at all (the copies contradict the model).
 *
 * @example
 * candidateSets([[0], [0, 1]], 2); // → [[0], [1]]: the second item cannot be member 0's
 */
export function candidateSets(allowed: number[][], members: number): number[][] | null {
  if (!perfectMatching(allowed, members, -1, -1)) return null;
  return allowed.map((choices, item) => choices.filter((member) => perfectMatching(allowed, members, item, member)));
}

/** Whether every item can be given its own member, with `forcedItem` given `forcedMember` (-1: none forced). */
function perfectMatching(allowed: number[][], members: number, forcedItem: number, forcedMember: number): boolean {
  const owner = new Array<number>(members).fill(-1);
  if (forcedItem >= 0) owner[forcedMember] = forcedItem;
  // Kuhn's augmenting paths: small graphs (tens of nodes), so the simple algorithm is plenty.
  const augment = (item: number, seen: boolean[]): boolean => {
    for (const member of allowed[item] ?? []) {
      if (seen[member] || member === forcedMember) continue;
      seen[member] = true;
      const current = owner[member] ?? -1;
      if (current === -1 || augment(current, seen)) {
        owner[member] = item;
        return true;
      }
    }
    return false;
  };
  for (let item = 0; item < allowed.length; item++) {
    if (item === forcedItem) continue;
    if (!augment(item, new Array<boolean>(members).fill(false))) return false;
  }
  return true;
}

/** The distribution of the number of inversions of a uniformly random permutation of n (Mahonian numbers, as probabilities). */
function inversions(n: number): number[] {
  let dist = [1];
  for (let i = 2; i <= n; i++) {
    const next = new Array<number>(dist.length + i - 1).fill(0);
    dist.forEach((p, j) => {
      for (let t = 0; t < i; t++) next[j + t] = (next[j + t] ?? 0) + p / i;
    });
    dist = next;
  }
  return dist;
}

/**
 * How likely chance alone gives a Kendall S at least as far from 0 as `s`, when S is summed over
 * independent groups of the given sizes, each in a uniformly random order: P(|S| ≥ |s|). Exact
 * (a convolution of Mahonian distributions), so a threshold on it has a known false-alarm rate.
 */
export function kendallTail(sizes: number[], s: number): number {
  let dist = [1];
  let pairs = 0;
  for (const n of sizes) {
    const own = inversions(n);
    const next = new Array<number>(dist.length + own.length - 1).fill(0);
    dist.forEach((p, i) => {
      own.forEach((q, j) => {
        next[i + j] = (next[i + j] ?? 0) + p * q;
      });
    });
    dist = next;
    pairs += (n * (n - 1)) / 2;
  }
  // S = pairs − 2·inversions.
  const far = Math.abs(s);
  return dist.reduce((sum, p, inv) => (Math.abs(pairs - 2 * inv) >= far - 1e-9 ? sum + p : sum), 0);
}

/** Kendall's S between two scorings of the same items: +1 per pair ordered alike, −1 per pair ordered oppositely, 0 for ties. */
export function kendallS(x: number[], y: number[]): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) s += Math.sign((x[i] ?? 0) - (x[j] ?? 0)) * Math.sign((y[i] ?? 0) - (y[j] ?? 0));
  }
  return s;
}
