package com.qualityreview;

import com.qualityreview.system.CommandException;

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
            System.err.println("error: " + CommandException.oneLine(e));
            status = 1;
        }
        System.exit(status);
    }
}
