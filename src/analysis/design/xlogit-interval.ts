import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/**
 * 95 % logit interval of a design-based proportion, as survey's svyciprop(method = "xlogit"):
 * expit(logit(p) ± t · SE / (p(1 − p))), t the 0.975 quantile of Student's t with `df` degrees of freedom
 * (statistics.md: unweighted base − 1). p = 0 or 1 gives [0, 0] or [1, 1].
 */
export function xlogitInterval(p: number, se: number, df: number, quantile: (df: number) => number = t975): [number, number] {
  if (p <= 0) return [0, 0];
  if (p >= 1) return [1, 1];
  const t = quantile(df);
  const eta = Math.log(p / (1 - p));
  const half = (t * se) / (p * (1 - p));
  return [expit(eta - half), expit(eta + half)];
}

/** t975 remembered per df: the groups of a wave's tables share few distinct unweighted bases. */
export function t975Memo(): (df: number) => number {
  const known = new Map<number, number>();
  return (df) => {
    let t = known.get(df);
    if (t === undefined) known.set(df, (t = t975(df)));
    return t;
  };
}

function t975(df: number): number {
  return tQuantile(0.975, df);
}

function expit(eta: number): number {
  return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
}
