package com.qualityreview.intake.job;

/**
 * The keys of what an import keeps in its execution contexts, owned here so that the classes that
 * write them and those that read them depend on this class, not on each other. (The state of the
 * file checked has keys of its own, in {@link FileState}.)
 */
public final class ImportContext {

    /** Job context: the data rows the check step counted in the file. */
    static final String TOTAL = "import.total";
    /** Load step context, with every chunk (the reader's position), and the job's at the step's end: rows read. */
    public static final String READ = "import.read";
    /** Load step context, with every chunk, and the job's at the step's end: rows written. */
    public static final String WRITTEN = "import.written";
    /** Load step context, with every chunk, and the job's at the step's end: rows rejected. */
    public static final String REJECTED = "import.rejected";

    private ImportContext() {
    }
}
