package com.qualityreview.intake;

/** The outcome of one file's import: every row read is either written or rejected. */
public record ImportCounts(long read, long written, long rejected) {

    public boolean balanced() {
        return read == written + rejected;
    }

    @Override
    public String toString() {
        return "read " + read + ", written " + written + ", rejected " + rejected;
    }
}
