/**
 * One damped Gauss-Newton (Levenberg-Marquardt) step for a small least-squares fit: the change of
 * the parameters that best removes the residuals `r` given the Jacobian `J` (J[i][j] = ∂ model_i /
 * ∂ parameter_j), with damping `lambda` on the diagonal so a flat direction cannot run away.
 */
export function dampedStep(J: readonly number[][], r: readonly number[], lambda: number): number[] {
  const n = J[0]?.length ?? 0;
  // Normal equations (JᵀJ + λ diag(JᵀJ) + λ I) Δ = Jᵀ r.
  const A = Array.from({ length: n }, (_, a) =>
    Array.from({ length: n }, (_, b) => J.reduce((sum, row) => sum + (row[a] ?? 0) * (row[b] ?? 0), 0)),
  );
  const g = Array.from({ length: n }, (_, a) =>
    J.reduce((sum, row, i) => sum + (row[a] ?? 0) * (r[i] ?? 0), 0),
  );
  for (let a = 0; a < n; a++) {
    const row = A[a] as number[];
    row[a] = (row[a] as number) * (1 + lambda) + lambda;
  }
  return solve(A, g);
}

/** Gaussian elimination with partial pivoting (A is n × n, small). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let i = c + 1; i < n; i++) if (Math.abs(M[i]?.[c] ?? 0) > Math.abs(M[p]?.[c] ?? 0)) p = i;
    [M[c], M[p]] = [M[p] as number[], M[c] as number[]];
    const pivot = (M[c] as number[])[c] as number;
    if (Math.abs(pivot) < 1e-12) continue;
    for (let i = 0; i < n; i++) {
      if (i === c) continue;
      const f = ((M[i] as number[])[c] as number) / pivot;
      for (let k = c; k <= n; k++)
        (M[i] as number[])[k] = ((M[i] as number[])[k] as number) - f * ((M[c] as number[])[k] as number);
    }
  }
  return M.map((row, i) => {
    const d = row[i] as number;
    return Math.abs(d) < 1e-12 ? 0 : (row[n] as number) / d;
  });
}
