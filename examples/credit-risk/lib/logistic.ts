/**
 * L2-regularised logistic regression fitted by Newton's method (IRLS) on standardised features, as
 * scikit-learn's LogisticRegression(penalty="l2", C) defines it: minimise
 *   0.5 * ||w||^2 + C * sum_i logloss(y_i, b + w . z_i)
 * with the intercept b not penalised. The standardisation is then folded into the coefficients so
 * the exported model takes raw features.
 */

export interface Standardizer {
  mean: number[];
  /** Population standard deviation (ddof = 0, as StandardScaler). */
  std: number[];
}

export interface LogisticFit {
  /** Coefficients on standardised features. */
  weights: number[];
  intercept: number;
  iterations: number;
  /** Largest absolute gradient component at the solution. */
  gradientMax: number;
}

export function fitStandardizer(x: number[][]): Standardizer {
  const n = x.length;
  const p = x[0].length;
  const mean = new Array<number>(p).fill(0);
  const std = new Array<number>(p).fill(0);
  for (const row of x) for (let j = 0; j < p; j++) mean[j] += row[j] / n;
  for (const row of x) for (let j = 0; j < p; j++) std[j] += (row[j] - mean[j]) ** 2 / n;
  for (let j = 0; j < p; j++) {
    std[j] = Math.sqrt(std[j]);
    if (!(std[j] > 0)) throw new Error(`feature ${j} is constant: it cannot be standardised`);
  }
  return { mean, std };
}

export function standardize(x: number[][], s: Standardizer): number[][] {
  return x.map((row) => row.map((v, j) => (v - s.mean[j]) / s.std[j]));
}

const sigmoid = (t: number) => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));

/** Newton iterations until the largest gradient component is below `tol` (relative to n). */
export function fitLogistic(z: number[][], y: number[], c: number, tol = 1e-10, maxIter = 100): LogisticFit {
  const n = z.length;
  const p = z[0].length;
  const d = p + 1; // parameters: intercept first, then weights
  let beta = new Array<number>(d).fill(0);
  for (let iter = 1; iter <= maxIter; iter++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < n; i++) {
      const row = z[i];
      let t = beta[0];
      for (let j = 0; j < p; j++) t += beta[j + 1] * row[j];
      const mu = sigmoid(t);
      const r = c * (mu - y[i]);
      const w = c * mu * (1 - mu);
      const xi = [1, ...row];
      for (let a = 0; a < d; a++) {
        grad[a] += r * xi[a];
        const wa = w * xi[a];
        for (let b = 0; b <= a; b++) hess[a][b] += wa * xi[b];
      }
    }
    for (let a = 1; a < d; a++) {
      grad[a] += beta[a];
      hess[a][a] += 1;
    }
    for (let a = 0; a < d; a++) for (let b = a + 1; b < d; b++) hess[a][b] = hess[b][a];
    const gradientMax = Math.max(...grad.map(Math.abs));
    if (gradientMax < tol * n * c) return { weights: beta.slice(1), intercept: beta[0], iterations: iter - 1, gradientMax };
    const step = choleskySolve(hess, grad);
    beta = beta.map((b, k) => b - step[k]);
  }
  throw new Error(`logistic regression did not converge in ${maxIter} Newton iterations`);
}

/** Solves A x = b for symmetric positive definite A. */
function choleskySolve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      if (i === j) {
        if (!(s > 0)) throw new Error('Hessian is not positive definite');
        l[i][i] = Math.sqrt(s);
      } else l[i][j] = s / l[j][j];
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i][k] * y[k];
    y[i] = s / l[i][i];
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= l[k][i] * x[k];
    x[i] = s / l[i][i];
  }
  return x;
}

/** Folds standardisation into the coefficients: logit = intercept + coefficients . x on raw x. */
export function foldStandardization(fit: LogisticFit, s: Standardizer): { coefficients: number[]; intercept: number } {
  const coefficients = fit.weights.map((w, j) => w / s.std[j]);
  const intercept = fit.intercept - fit.weights.reduce((acc, w, j) => acc + (w * s.mean[j]) / s.std[j], 0);
  return { coefficients, intercept };
}

/** P(y = 1) for raw feature rows under folded coefficients. */
export function predictProba(x: number[][], coefficients: number[], intercept: number): number[] {
  return x.map((row) => sigmoid(row.reduce((acc, v, j) => acc + v * coefficients[j], intercept)));
}

/** Area under the ROC curve (Mann-Whitney U, ties count one half). */
export function rocAuc(y: number[], score: number[]): number {
  const order = Array.from(score.keys()).sort((a, b) => score[a] - score[b]);
  let rankSumPos = 0;
  let nPos = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && score[order[j + 1]] === score[order[i]]) j++;
    const midRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (y[order[k]] === 1) {
      rankSumPos += midRank;
      nPos++;
    }
    i = j + 1;
  }
  const nNeg = y.length - nPos;
  if (nPos === 0 || nNeg === 0) throw new Error('ROC AUC needs both classes');
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}
