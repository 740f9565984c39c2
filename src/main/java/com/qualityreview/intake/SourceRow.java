package com.qualityreview.intake;

/** One data record of an input file as text, with the line it starts on (the header is line 1). */
record SourceRow(long line, String[] fields) {
}
