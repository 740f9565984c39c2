package com.qualityreview.intake.csv;

/** The whole file cannot be imported (not CSV, empty, missing or unknown columns); nothing is stored. */
public class ImportFileException extends RuntimeException {
    public ImportFileException(String message) {
        super(message);
    }

    public ImportFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
