package dev.memos4j.benchmarks.support;

import java.util.Arrays;

/**
 * Collects latencies in nanoseconds into a preallocated array (no allocation per sample) and summarises
 * them by sorting. Not thread-safe: one recorder per closed-loop worker, merged at the end.
 */
public final class Latencies {

    private long[] samples;
    private int count;

    /**
     * A recorder with room for this many samples before it grows.
     *
     * @param capacity the initial capacity; at least 1
     */
    public Latencies(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.samples = new long[capacity];
    }

    /**
     * Records one latency.
     *
     * @param nanos the latency in nanoseconds; not negative
     */
    public void record(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a latency cannot be negative: " + nanos);
        }
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, samples.length * 2);
        }
        samples[count++] = nanos;
    }

    /**
     * The number of samples recorded.
     *
     * @return the count
     */
    public int count() {
        return count;
    }

    /**
     * Adds every sample of another recorder to this one.
     *
     * @param other the recorder to merge in
     */
    public void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            record(other.samples[i]);
        }
    }

    /**
     * Sorts a copy of the samples and summarises them.
     *
     * @return the summary
     * @throws IllegalStateException when nothing was recorded
     */
    public Summary summary() {
        if (count == 0) {
            throw new IllegalStateException("no latency was recorded");
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        long sum = 0;
        for (long s : sorted) {
            sum += s;
        }
        return new Summary(
                count,
                percentile(sorted, 50),
                percentile(sorted, 99),
                sorted[0],
                sorted[count - 1],
                (double) sum / count);
    }

    /**
     * The nearest-rank percentile of sorted samples: the smallest sample that at least {@code p} percent of
     * the samples do not exceed.
     *
     * @param sorted samples in ascending order; not empty
     * @param p the percentile, in (0, 100]
     * @return the sample at that rank
     */
    public static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /**
     * A summary of latencies, in nanoseconds.
     *
     * @param count the number of samples
     * @param p50 the median
     * @param p99 the 99th percentile
     * @param min the smallest sample
     * @param max the largest sample
     * @param mean the arithmetic mean
     */
    public record Summary(int count, long p50, long p99, long min, long max, double mean) {

        /**
         * The median in microseconds.
         *
         * @return the median in microseconds
         */
        public double p50Micros() {
            return p50 / 1_000.0;
        }

        /**
         * The 99th percentile in microseconds.
         *
         * @return the 99th percentile in microseconds
         */
        public double p99Micros() {
            return p99 / 1_000.0;
        }

        /**
         * The median in milliseconds.
         *
         * @return the median in milliseconds
         */
        public double p50Millis() {
            return p50 / 1_000_000.0;
        }

        /**
         * The 99th percentile in milliseconds.
         *
         * @return the 99th percentile in milliseconds
         */
        public double p99Millis() {
            return p99 / 1_000_000.0;
        }
    }
}
