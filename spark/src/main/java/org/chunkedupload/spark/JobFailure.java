package org.chunkedupload.spark;

/** Says in one sentence why a Spark job failed: the task's own error, not Spark's wrapping of it. */
final class JobFailure {
    private JobFailure() {
    }

    /**
     * @param e what {@code collect()} threw
     * @return e.g. "a task failed 3 times: part 14 of s3://b/k could not be sent: ..."
     */
    static String why(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = String.valueOf(e.getMessage());
        java.util.regex.Matcher times = java.util.regex.Pattern.compile("failed (\\d+) times").matcher(m);
        String prefix = times.find() ? "a task failed " + times.group(1) + " times: " : "";
        if (root != e && root.getMessage() != null) {
            return prefix + root.getMessage();
        }
        if (m.contains("cancelled")) {
            return "the job was cancelled";
        }
        // no cause attached (a task's exception that could not be deserialized): Spark's text, last line
        int colon = m.lastIndexOf("): ");
        return prefix + (colon >= 0 ? m.substring(colon + 3) : m);
    }
}
