/** Kish's design effect of unequal weights, n · Σw² / (Σw)² (statistics.md "Weighted"). */
export function kishDesignEffect(weights: ArrayLike<number>): number {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < weights.length; i++) {
    const weight = weights[i]!;
    sum += weight;
    squares += weight * weight;
  }
  return (weights.length * squares) / (sum * sum);
}
