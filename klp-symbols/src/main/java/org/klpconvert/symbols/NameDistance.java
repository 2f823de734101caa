package org.klpconvert.symbols;

/**
 * Edit distance between a queried name and the names of a file, bounded so that a miss costs
 * a few comparisons: names whose length differs by more than the bound are never compared,
 * and a row whose minimum exceeds the bound ends the comparison.
 */
final class NameDistance {
    private final byte[] query;
    private final int bound;
    private final int[] previous;
    private final int[] current;

    /** Names farther than {@code bound} edits from {@code query} are not reported. */
    NameDistance(byte[] query, int bound) {
        this.query = query;
        this.bound = bound;
        this.previous = new int[query.length + 1];
        this.current = new int[query.length + 1];
    }

    /**
     * The Levenshtein distance of {@code data[start, end)} from the query, or -1 when it
     * exceeds the bound.
     */
    int distance(byte[] data, int start, int end) {
        int length = end - start;
        if (Math.abs(length - query.length) > bound) {
            return -1;
        }
        int[] prev = previous;
        int[] cur = current;
        for (int j = 0; j <= query.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= length; i++) {
            cur[0] = i;
            int rowMin = i;
            byte b = data[start + i - 1];
            for (int j = 1; j <= query.length; j++) {
                int cost = query[j - 1] == b ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > bound) {
                return -1;
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        int d = prev[query.length];
        return d <= bound ? d : -1;
    }
}
