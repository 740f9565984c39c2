package com.qualityreview;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class QualityReviewApplication {

    public static void main(String[] args) {
        int status;
        try {
            status = SpringApplication.exit(SpringApplication.run(QualityReviewApplication.class, args));
        }
        catch (RuntimeException e) {
            // Start-up failures (a bad setting, no database) end with their reason on one line.
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            System.err.println("error: " + String.valueOf(root.getMessage()).replace('\n', ' '));
            status = 1;
        }
        System.exit(status);
    }
}
