/** Union-find over 0..n-1, for grouping near-duplicates and stories without comparing all pairs. */

/** Disjoint sets with path halving; the smallest index of a set is its root, so results never depend on union order. */
export class DisjointSets {
  readonly #parent: Int32Array;

  constructor(size: number) {
    this.#parent = Int32Array.from({ length: size }, (_, i) => i);
  }

  /** The root (smallest member) of i's set. */
  find(i: number): number {
    const parent = this.#parent;
    while (parent[i]! !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  }

  /** Joins the sets of a and b. */
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra < rb) this.#parent[rb] = ra;
    else if (rb < ra) this.#parent[ra] = rb;
  }

  /** Every set with more than one member, members ascending, sets by their root. */
  groups(): number[][] {
    const byRoot = new Map<number, number[]>();
    for (let i = 0; i < this.#parent.length; i++) {
      const root = this.find(i);
      let group = byRoot.get(root);
      if (group === undefined) byRoot.set(root, (group = []));
      group.push(i);
    }
    return [...byRoot.values()].filter((g) => g.length > 1);
  }
}
