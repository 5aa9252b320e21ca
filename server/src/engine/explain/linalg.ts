/**
 * Small dense linear algebra for Kernel SHAP's weighted least squares: solve A x = b for a symmetric
 * positive semi-definite A (n x n, row-major). Cholesky when A is positive definite; otherwise the
 * Moore-Penrose pseudo-inverse from a Jacobi eigen-decomposition, as shap falls back to `np.linalg.pinv`.
 */

/** Solves A x = b; `singular` tells that the pseudo-inverse was used. A and b are not modified. */
export function solveSymmetric(A: Float64Array, b: Float64Array, n: number): { x: Float64Array; singular: boolean } {
  const x = choleskySolve(A, b, n);
  if (x) return { x, singular: false };
  return { x: pinvSolve(A, b, n), singular: true };
}

function choleskySolve(A: Float64Array, b: Float64Array, n: number): Float64Array | null {
  const L = new Float64Array(n * n);
  let maxDiag = 0;
  for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, Math.abs(A[i * n + i]));
  const tol = maxDiag * n * 1e-13;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * n + j];
      for (let p = 0; p < j; p++) s -= L[i * n + p] * L[j * n + p];
      if (i === j) {
        if (!(s > tol)) return null;
        L[i * n + i] = Math.sqrt(s);
      } else {
        L[i * n + j] = s / L[j * n + j];
      }
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let p = 0; p < i; p++) s -= L[i * n + p] * y[p];
    y[i] = s / L[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let p = i + 1; p < n; p++) s -= L[p * n + i] * x[p];
    x[i] = s / L[i * n + i];
  }
  return x;
}

/** x = pinv(A) b through A = V diag(d) V^T (cyclic Jacobi), dropping eigenvalues below numpy's rcond. */
function pinvSolve(A: Float64Array, b: Float64Array, n: number): Float64Array {
  const a = Float64Array.from(A);
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] * a[p * n + q];
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < n; r++) {
          const arp = a[r * n + p];
          const arq = a[r * n + q];
          a[r * n + p] = c * arp - s * arq;
          a[r * n + q] = s * arp + c * arq;
        }
        for (let r = 0; r < n; r++) {
          const apr = a[p * n + r];
          const aqr = a[q * n + r];
          a[p * n + r] = c * apr - s * aqr;
          a[q * n + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < n; r++) {
          const vrp = V[r * n + p];
          const vrq = V[r * n + q];
          V[r * n + p] = c * vrp - s * vrq;
          V[r * n + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  let maxEig = 0;
  for (let i = 0; i < n; i++) maxEig = Math.max(maxEig, Math.abs(a[i * n + i]));
  const cutoff = maxEig * 1e-15 * n;
  const x = new Float64Array(n);
  for (let e = 0; e < n; e++) {
    const d = a[e * n + e];
    if (Math.abs(d) <= cutoff) continue;
    let proj = 0;
    for (let r = 0; r < n; r++) proj += V[r * n + e] * b[r];
    const coef = proj / d;
    for (let r = 0; r < n; r++) x[r] += coef * V[r * n + e];
  }
  return x;
}
