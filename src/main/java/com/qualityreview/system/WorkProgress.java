package com.qualityreview.system;

/**
 * What a long piece of work that runs in one go tells about its progress: how big it is when it
 * starts, then each item it finishes, from whichever thread finished it. Work that nobody watches
 * (a resend from the command line) is given {@link #NONE}.
 */
public interface WorkProgress {

    WorkProgress NONE = new WorkProgress() {
        @Override
        public void started(long total, long alreadyDone) {
        }

        @Override
        public void oneDone() {
        }
    };

    /** {@code alreadyDone}: items an earlier execution finished, which this one skips but counts. */
    void started(long total, long alreadyDone);

    /** One more item finished (whatever its outcome); safe to call from several threads at once. */
    void oneDone();
}
