package dev.memos4j.benchmarks.locomo;

import java.util.List;

/**
 * Weighted logistic regression by Newton's method (IRLS) with a small ridge on the coefficients, enough for
 * a handful of features: the relevance model's calibration.
 */
public final class LogisticFit {

    private static final double RIDGE = 1e-3;
    private static final int ITERATIONS = 50;

    private LogisticFit() {}

    /**
     * Fits log-odds = intercept + weights . x.
     *
     * @param x one feature row per example
     * @param y 1 for a positive example, 0 for a negative one
     * @param weight the weight of each example
     * @return the intercept followed by one coefficient per feature
     */
    public static double[] fit(List<double[]> x, List<Integer> y, List<Double> weight) {
        int d = x.get(0).length + 1;
        double[] beta = new double[d];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int n = 0; n < x.size(); n++) {
                double[] row = withIntercept(x.get(n));
                double p = probability(beta, row);
                double w = weight.get(n);
                double r = w * (y.get(n) - p);
                double s = w * p * (1 - p);
                for (int i = 0; i < d; i++) {
                    gradient[i] += r * row[i];
                    for (int j = 0; j < d; j++) {
                        hessian[i][j] += s * row[i] * row[j];
                    }
                }
            }
            for (int i = 1; i < d; i++) {
                gradient[i] -= RIDGE * beta[i];
                hessian[i][i] += RIDGE;
            }
            double[] step = solve(hessian, gradient);
            double size = 0;
            for (int i = 0; i < d; i++) {
                beta[i] += step[i];
                size += Math.abs(step[i]);
            }
            if (size < 1e-9) {
                break;
            }
        }
        return beta;
    }

    /** The probability a fitted model gives a feature row. */
    public static double probability(double[] beta, double[] features) {
        double[] row = features.length == beta.length ? features : withIntercept(features);
        double z = 0;
        for (int i = 0; i < beta.length; i++) {
            z += beta[i] * row[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    private static double[] withIntercept(double[] x) {
        double[] row = new double[x.length + 1];
        row[0] = 1;
        System.arraycopy(x, 0, row, 1, x.length);
        return row;
    }

    // Gaussian elimination with partial pivoting; the ridge keeps the system regular.
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double f = m[row][col] / m[col][col];
                for (int k = col; k <= n; k++) {
                    m[row][k] -= f * m[col][k];
                }
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = m[row][n];
            for (int k = row + 1; k < n; k++) {
                sum -= m[row][k] * x[k];
            }
            x[row] = sum / m[row][row];
        }
        return x;
    }
}
