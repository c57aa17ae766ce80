// The shapes a round's maturity matrix is kept and shown in. Apart from the code that makes them,
// so that the frozen results can name them without importing what freezes them.
import type { MaturityDimension, SideChange } from "./scoring";

/** What a closed round with the matrix keeps: its scored dimensions, unrounded sides already hidden below the threshold. */
export interface FrozenMaturity {
  /** The matrix version the members marked. */
  version: number;
  dimensions: MaturityDimension[];
}

/** A dimension as shown: its figures, and its change since the previous round with the matrix (null per side not shown in both). */
export type PublishedMaturityDimension = MaturityDimension & {
  change: { current: SideChange | null; target: SideChange | null } | null;
};

/** A closed round's matrix as shown, with the round it is compared with. */
export interface PublishedMaturity {
  version: number;
  previousRound: { id: string; title: string; closedAt: string | null } | null;
  dimensions: PublishedMaturityDimension[];
}
